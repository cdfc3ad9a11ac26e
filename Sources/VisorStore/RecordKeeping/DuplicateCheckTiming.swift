import GRDB
import VisorDomain
import VisorRegister

extension AppDatabase {
    /// records.md's duplicate check alone, in a read transaction, as creating `draft` would make it:
    /// nil when it passes, else what it found. For `visor bench write`.
    package func duplicateCheck(_ draft: NominalDraft) throws -> RecordStepError? {
        let agencies = try read { db in try KeptRecords.agencyIndex(db) }
        let core: NominalCore
        do throws(FieldErrors) {
            core = try draft.validated(creating: true, today: today, agencies: agencies)
        } catch {
            return .fields(error)
        }
        return try read { db -> RecordStepError? in
            do {
                try DuplicateRows.check(db, core, editing: nil, confirmNamesake: false)
                return nil
            } catch {
                guard let found = RecordStepError(thrownInStep: error) else { throw error }
                return found
            }
        }
    }
}
