import Foundation
import GRDB
import VisorDomain
import VisorRegister

extension AppDatabase {
    /// Loads nominals from an extract (`spec/nominals-csv.md`) in one
    /// transaction: streamed, validated row by row, all-or-nothing unless
    /// `skipInvalid`. A row whose crn (or else pnc_id) matches a nominal
    /// updates it, audited as an import change. Only an administrator may import.
    /// Faults and warnings are reported through the closures as they are found.
    public func importExtract(path: String, options: ImportOptions, by user: User,
                              onFault: (RowFault) -> Void, onWarning: (String) -> Void) throws(StoreError)
        -> ImportReport {
        try auditingRefusal(by: user, step: "import") { () throws(StoreError) -> ImportReport in
            guard user.roles.contains(.administrator) else {
                throw .refused("only an administrator may import nominals (\(user.username) is not one)")
            }
            try ExtractFileReader(path: path).checkReadable()
            let now = clock.now()
            var report = ImportReport()
            let indexes = try indexesToRebuild(path: path)
            let started = DispatchTime.now().uptimeNanoseconds
            defer {
                PhaseTrace.importing.report("whole import", cpuNanoseconds: 0,
                                            wallNanoseconds: DispatchTime.now().uptimeNanoseconds - started)
            }
            // A first, large import into an empty register is a bulk migration: written once, not twice.
            let migrating = indexes.contains(where: Schema.identifierIndexes.contains)
            report.committed = try withoutWriteAheadLog(if: migrating) { () throws(StoreError) in
                try writeExtract(onFault: onFault) { db in
                    try writeImport(db, path: path, options: options, by: user, now: now, rebuilding: indexes,
                                    report: &report, onFault: onFault, onWarning: onWarning)
                }
            }
            if !report.committed {
                report.created = 0
                report.updated = 0
            } else {
                // A large import left the kept actions to be rebuilt, now that its rows are committed.
                let keeping = DispatchTime.now().uptimeNanoseconds
                try keepActionsCurrent()
                report.actionsSeconds += Double(DispatchTime.now().uptimeNanoseconds - keeping) / 1e9
            }
            return report
        }
    }

    /// The import's transaction: rows written as the second thread validates
    /// them, then the dropped indexes rebuilt and the import audited.
    private func writeImport(_ db: Database, path: String, options: ImportOptions, by user: User, now: Date,
                             rebuilding indexes: [String], report: inout ImportReport,
                             onFault: (RowFault) -> Void, onWarning: (String) -> Void) throws {
        let today = LondonTime.date(of: now)
        let fileName = (path as NSString).lastPathComponent
        try db.execute(sql: "PRAGMA cache_size = -262144")
        defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
        for statement in indexes { try db.execute(sql: "DROP INDEX \(Schema.indexName(statement))") }
        var writer = try NominalImportWriter(db: db, user: user, now: now, today: today,
                                             columns: ExtractStream.columns(path: path, maxLineBytes: options.maxLineBytes))
        let stream = ExtractStream(path: path, today: today, addAgencies: options.addAgencies,
                                   directory: writer.agencies, maxLineBytes: options.maxLineBytes)
        var writing = true
        // The kept actions: the nominals a small import touched are evaluated again in this transaction;
        // past `KeptActionChange.largest` it is cheaper to rebuild them all once the import has committed.
        var kept: KeptActionChange? = try KeptActionChange(db)
        try PhaseTrace.importing.measure("write rows") { try stream.runPipelined { event in
            switch event {
            case .unknownColumn(let name):
                onWarning(ExtractStream.unknownColumnWarning(name))
            case .fault(let fault):
                report.rejected += 1
                onFault(fault)
                if !options.skipInvalid { writing = false }
            case .row(let row, let names):
                switch try writer.match(row) {
                case .failure(let fault):
                    report.rejected += 1
                    onFault(fault)
                    if !options.skipInvalid { writing = false }
                case .success(let existing):
                    guard writing else { return }
                    let started = DispatchTime.now().uptimeNanoseconds
                    defer { report.writeSeconds += Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }
                    if let existing {
                        try kept?.touch(db, nominals: [existing])
                        try writer.update(existing, from: row, fileName: fileName)
                        report.updated += 1
                    } else {
                        try writer.insert(row, names: names)
                        kept?.created(db.lastInsertedRowID)
                        report.created += 1
                    }
                    if let touched = kept?.nominals.count, touched > KeptActionChange.largest { kept = nil }
                }
            }
        } }
        guard writing else { throw ExtractRollBack() }
        try writer.finish()
        let indexing = DispatchTime.now().uptimeNanoseconds
        if !indexes.isEmpty { try AppDatabase.buildIndexes(indexes, db) }
        report.indexSeconds = Double(DispatchTime.now().uptimeNanoseconds - indexing) / 1e9
        report.addedAgencies = writer.addedAgencies
        let keeping = DispatchTime.now().uptimeNanoseconds
        if var kept {
            kept.agencies = true
            kept.allLists = true
            try kept.commit(db, today: today)
        } else {
            try KeptActionsState.markIncomplete(db)
            try AgencyCounter.lists.announceAll(db)
        }
        report.actionsSeconds = Double(DispatchTime.now().uptimeNanoseconds - keeping) / 1e9
        try AuditLog.append(db, at: now, actor: .user(user), action: .importExtract,
                            detail: "\(fileName): \(report.created) created, \(report.updated) updated, "
                                + "\(report.rejected) rejected (bulk migration)")
    }

    /// The indexes to drop for this import and rebuild from sorted rows at its
    /// end: none for a small file; the secondary ones when the file is large
    /// against the register; the identifier indexes too when the register is empty.
    private func indexesToRebuild(path: String) throws(StoreError) -> [String] {
        let estimatedRows = ExtractStream.expectedRows(path: path)
        guard estimatedRows >= 20_000 else { return [] }
        let existing = try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM nominal") ?? 0 }
        if existing == 0 { return Schema.identifierIndexes + Schema.bulkIndexes }
        return estimatedRows > existing ? Schema.bulkIndexes : []
    }
}

extension AppDatabase {
    /// Reads and validates an extract as an import does, on this thread alone,
    /// writing nothing: the reading side of `visor bench import`. Returns the
    /// number of valid rows.
    public func readExtractForBenchmark(path: String) throws(StoreError) -> Int {
        let today = LondonTime.date(of: clock.now())
        let directory = try read { db in AgencyIndex(try AgencyRows.all(db)) }
        var rows = 0
        do {
            try ExtractStream(path: path, today: today, addAgencies: true, directory: directory).run { event in
                if case .row = event { rows += 1 }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .io("\(path): \(error)")
        }
        return rows
    }
}
