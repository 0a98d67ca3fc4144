import Console
import XCTest

final class HistoryFilterTests: XCTestCase {
    func testSecretsAreNeverRemembered() {
        let secrets = [
            "login",
            "login sk_test_4eC39HqLyjWDarjtT1zdp7dc",
            "LOGIN --server https://api.example.com",
            "config set api_key=abc123",
            "config set key=abc123",
            "webhook add url=https://x.example secret=whsec_abc",
            "config set token=eyJhbGci",
            "note text=sk_live_51Habc",
            "x 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'",
            "connect apiKey=foo",
            "set password=hunter2",
            "header Authorization=\"Bearer abc\"",
            "paste rk_live_abc",
        ]
        for line in secrets {
            XCTAssertTrue(HistoryFilter.isSecret(line), line)
            XCTAssertFalse(HistoryFilter.shouldRemember(line), line)
        }
    }

    func testOrdinaryLinesAreRemembered() {
        let ordinary = [
            "client add name=\"Wanjikū Kamau\" phone=+254700000001",
            "loan approve ln_8f2",
            "loan repay ln_1 amount=1500 method=mobile_money",
            "client list risk_level=high",
            "sync",
            "sync plan",
            "help loan",
            "client show cl_100",
            "report run type=portfolio",
            "payment show pay_1 task_id=7",
            "client find 李小龍",
            "note text=\"ask_ for help\"",
        ]
        for line in ordinary {
            XCTAssertFalse(HistoryFilter.isSecret(line), line)
            XCTAssertTrue(HistoryFilter.shouldRemember(line), line)
        }
    }

    func testBlankLinesAreNotRemembered() {
        XCTAssertFalse(HistoryFilter.shouldRemember(""))
        XCTAssertFalse(HistoryFilter.shouldRemember("  \t"))
    }
}
