import GRDB
import VisorDomain
import VisorRegister

/// Thrown inside an extract's transaction to undo it once the whole file has
/// been read: a faulty row in an all-or-nothing file.
struct ExtractRollBack: Error {}

extension ExtractStream {
    /// The warning line for a header column the extract format does not know;
    /// the name is shown escaped, as a fault line's value is.
    static func unknownColumnWarning(_ name: String) -> String {
        "warning: line 1: \(TerminalText.escaped(name)): unknown column, ignored"
    }
}

extension AppDatabase {
    /// Runs `body` as the one write transaction of a command that reads an
    /// extract (`visor import`, `visor reconcile`). False when nothing was
    /// written: `body` rolled back (`ExtractRollBack`) or the header was
    /// unusable (its faults go to `onFault`). Other errors become `StoreError`s.
    func writeExtract(onFault: (RowFault) -> Void, _ body: (Database) throws -> Void) throws(StoreError) -> Bool {
        try requireWritable("storing an extract")
        do {
            try writer.write(body)
            return true
        } catch is ExtractRollBack {
            return false
        } catch ExtractStream.FileProblem.header(let faults) {
            faults.forEach(onFault)
            return false
        } catch let error as StoreError {
            throw error
        } catch {
            throw AppDatabase.storeError(error, path: self.path, creating: false)
        }
    }
}
