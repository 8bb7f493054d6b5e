import Foundation
import GRDBSQLite

/// `atelier-bench store --phase scan-sqlite`: how long SQLite alone takes to
/// step through the session's rows of `event_packs`, through its C API with
/// no Swift work per row beyond reading each column. The floor under any fold.
enum SQLiteScan {
    static func run(store: String) throws {
        var db: OpaquePointer?
        guard sqlite3_open_v2(store, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            throw StoreBench.BenchError.failed("open \(store)")
        }
        defer { sqlite3_close(db) }
        let queries = [
            ("packed (event_packs)", "SELECT seq, time, packed FROM event_packs WHERE session = 1 ORDER BY seq")
        ]
        for (name, sql) in queries {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else {
                throw StoreBench.BenchError.failed("prepare \(name)")
            }
            let start = DispatchTime.now().uptimeNanoseconds
            var rows = 0
            while sqlite3_step(statement) == SQLITE_ROW {
                rows += 1
                for column in 0..<sqlite3_column_count(statement) {
                    switch sqlite3_column_type(statement, column) {
                    case SQLITE_INTEGER: _ = sqlite3_column_int64(statement, column)
                    case SQLITE_TEXT: _ = sqlite3_column_text(statement, column)
                    case SQLITE_BLOB:
                        _ = sqlite3_column_blob(statement, column)
                        _ = sqlite3_column_bytes(statement, column)
                    default: break
                    }
                }
            }
            sqlite3_finalize(statement)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print(
                "scan \(name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(rows) rows  "
                    + String(format: "%.2f s (%.0f rows/s)", seconds, Double(rows) / seconds))
        }
    }
}
