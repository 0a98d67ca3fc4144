import Console
import XCTest

final class OutputFormatTests: XCTestCase {
    private let clients = OutputTable(
        columns: [OutputColumn("id"), OutputColumn("name"), OutputColumn("loans", .number), OutputColumn("balance", .money)],
        rows: [
            ["cl_1", "Wanjikū Kamau", "2", "12,500.00"],
            ["cl_2", "李小龍", "10", "0.00"],
            ["cl_3", "Amara 🙂 Okafor", "0", nil],
        ])

    func testDisplayWidths() {
        XCTAssertEqual(DisplayWidth.of("Wanjikū"), 7)
        XCTAssertEqual(DisplayWidth.of("Wanjiku\u{304}"), 7, "combining macron takes no cell")
        XCTAssertEqual(DisplayWidth.of("李小龍"), 6)
        XCTAssertEqual(DisplayWidth.of("🙂"), 2)
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2, "skin tone modifier joins the emoji")
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4, "fullwidth forms")
        XCTAssertEqual(DisplayWidth.truncate("李小龍先生", to: 7), "李小龍…")
        XCTAssertEqual(DisplayWidth.truncate("李小龍先生", to: 6), "李小…")
        XCTAssertEqual(DisplayWidth.truncate("short", to: 10), "short")
        XCTAssertEqual(DisplayWidth.truncate("ln_0001234", to: 5), "ln_0…", "the ASCII fast path cuts like the slow one")
        XCTAssertEqual(DisplayWidth.of("tab\there"), 7, "a control character takes no cell")
    }

    func testTableAtEightyAlignsByDisplayWidth() {
        XCTAssertEqual(OutputFormat.table.render(clients, width: 80), """
        id    name             loans    balance
        ----  ---------------  -----  ---------
        cl_1  Wanjikū Kamau        2  12,500.00
        cl_2  李小龍              10       0.00
        cl_3  Amara 🙂 Okafor      0
        """)
    }

    func testTableAtFortyCutsTheWidestColumn() {
        var table = OutputTable(columns: clients.columns + [OutputColumn("phone")])
        for (row, phone) in zip(clients.rows, ["+254 700 000 001", "+86 138 0000 0000", nil]) { table.append(row + [phone]) }
        XCTAssertEqual(OutputFormat.table.render(table, width: 40), """
        id    name     loans    balance  phone
        ----  -------  -----  ---------  -------
        cl_1  Wanjik…      2  12,500.00  +254 7…
        cl_2  李小龍      10       0.00  +86 13…
        cl_3  Amara …      0
        """)
        let wide = OutputTable(columns: [OutputColumn("id"), OutputColumn("note")],
                               rows: [["cl_1", String(repeating: "x", count: 60)]])
        let rendered = OutputFormat.table.render(wide, width: 40)
        XCTAssertEqual(rendered.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max(), 40)
        XCTAssertTrue(rendered.hasSuffix("xxx…"))
        XCTAssertEqual(OutputFormat.table.render(table, width: 80).split(separator: "\n")[2],
                       "cl_1  Wanjikū Kamau        2  12,500.00  +254 700 000 001")
    }

    func testControlCharactersNeverBreakARow() {
        let table = OutputTable(columns: [OutputColumn("note")], rows: [["two\nlines\tand tab"]])
        XCTAssertEqual(OutputFormat.table.render(table), "note\n-------------------\ntwo\\nlines\\tand tab")
    }

    func testCSVQuotesPerRFC4180() {
        let table = OutputTable(columns: [OutputColumn("name"), OutputColumn("note")], rows: [
            ["Kamau, Wanjikū", "said \"yes\""],
            ["line\nbreak", nil],
            ["", " padded "],
            ["plain", "李小龍"],
        ])
        XCTAssertEqual(OutputFormat.csv.render(table), #"""
        name,note
        "Kamau, Wanjikū","said ""yes"""
        "line
        break",
        ""," padded "
        plain,李小龍
        """#)
    }

    func testJSONKeepsColumnOrderAndTypes() {
        XCTAssertEqual(OutputFormat.json.render(clients), """
        [
          {"id":"cl_1","name":"Wanjikū Kamau","loans":2,"balance":"12,500.00"},
          {"id":"cl_2","name":"李小龍","loans":10,"balance":"0.00"},
          {"id":"cl_3","name":"Amara 🙂 Okafor","loans":0,"balance":null}
        ]
        """)
        XCTAssertEqual(OutputFormat.json.render(OutputTable(columns: [OutputColumn("id")])), "[]")
    }

    func testNDJSONIsOneObjectPerLineWithEscapes() {
        let table = OutputTable(columns: [OutputColumn("note"), OutputColumn("n", .number)],
                                rows: [["a \"q\" \\ \n\u{1}", "01"], ["ok", "-1.5e3"]])
        XCTAssertEqual(OutputFormat.ndjson.render(table), #"""
        {"note":"a \"q\" \\ \n\u0001","n":"01"}
        {"note":"ok","n":-1.5e3}
        """#)
    }

    func testSingleRecordAsKeyValueLines() {
        let record: [(String, String?)] = [("id", "cl_1"), ("name", "Wanjikū Kamau"), ("kyc_status", "pending"), ("note", nil)]
        XCTAssertEqual(OutputFormat.table.render(record: record), """
        id:         cl_1
        name:       Wanjikū Kamau
        kyc_status: pending
        note:
        """)
        XCTAssertEqual(OutputFormat.json.render(record: record),
                       #"{"id":"cl_1","name":"Wanjikū Kamau","kyc_status":"pending","note":null}"#)
    }

    func testFormatNamesAndSuggestions() throws {
        XCTAssertEqual(try OutputFormat.named("ndjson"), .ndjson)
        XCTAssertThrowsError(try OutputFormat.named("jsn")) { error in
            XCTAssertEqual((error as? UsageError)?.message,
                           "invalid value 'jsn' for '--format': expected one of table, csv, json, ndjson; did you mean 'json'?")
        }
    }
}
