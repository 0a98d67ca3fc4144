/// A Swift type built from one database row.
///
/// Conform a record type and read its columns with `Row`'s throwing subscripts:
///
///     struct Client: RowDecodable {
///         var id: Int64, name: String, email: String?
///         init(row: Row) throws {
///             id = try row["id"]; name = try row["name"]; email = try row["email"]
///         }
///     }
public protocol RowDecodable {
    /// Decodes a value from a row, throwing `RowDecodingError` (or any error) when it can't.
    init(row: Row) throws
}
