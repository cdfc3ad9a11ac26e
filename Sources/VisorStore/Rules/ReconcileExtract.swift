import Foundation
import GRDB
import VisorDomain
import VisorRegister

extension AppDatabase {
    /// Stores the extract at `path` as the latest local case snapshot of
    /// `areaName` (default: the user's own area), replacing the previous one in
    /// one transaction, and compares it with the register. The file is read
    /// with the import's rules and reported through the same closures;
    /// all-or-nothing unless `skipInvalid`. A CPC may reconcile their own
    /// area; an administrator their own or any other probation area. A
    /// refusal (`.refused`) or an unknown area (`.badInput`) changes nothing.
    public func reconcile(path: String, areaName: String? = nil, skipInvalid: Bool = false,
                          maxLineBytes: Int = Policy.standard.maxExtractLineBytes, by user: User,
                          onFault: (RowFault) -> Void, onWarning: (String) -> Void) throws(StoreError)
        -> ReconcileReport {
        try auditingRefusal(by: user, step: "reconcile") { () throws(StoreError) -> ReconcileReport in
            let area = try reconcilingArea(areaName, user: user)
            try ExtractFileReader(path: path).checkReadable()
            let now = clock.now()
            let today = LondonTime.date(of: now)
            let fileName = (path as NSString).lastPathComponent
            var report = ReconcileReport(area: area)
            report.committed = try writeExtract(onFault: onFault) { db in
                let stream = ExtractStream(path: path, today: today, addAgencies: false,
                                           directory: AgencyIndex(try AgencyRows.all(db)), maxLineBytes: maxLineBytes)
                var cases: [ExtractCase] = []
                try stream.run { event in
                    switch event {
                    case .unknownColumn(let name): onWarning(ExtractStream.unknownColumnWarning(name))
                    case .fault(let fault):
                        report.rejected += 1
                        onFault(fault)
                    case .row(let row, _): cases.append(row)
                    }
                }
                guard report.rejected == 0 || skipInvalid else { throw ExtractRollBack() }
                try ExtractSnapshotRows.replace(db, area: area.id, fileName: fileName, at: now, on: today, by: user.id,
                                                cases: cases)
                report.stored = cases.count
                report.discrepancies = try ExtractSnapshotRows.discrepancies(db, area: area.id)
                // A new extract changes R1, R2 and R9 across the area: the kept actions are rebuilt once it commits.
                try KeptActionsState.markIncomplete(db)
                try AuditLog.append(db, at: now, actor: .user(user), action: .reconcile,
                                    detail: "\(area.name): \(fileName): \(cases.count) cases stored, "
                                        + "\(report.rejected) rejected, \(report.discrepancies.count) discrepancies")
            }
            if !report.committed { report.discrepancies = [] } else { try keepActionsCurrent() }
            return report
        }
    }

    /// The area to reconcile, if `user` may: their own as a CPC or an
    /// administrator, another probation area as an administrator.
    private func reconcilingArea(_ name: String?, user: User) throws(StoreError) -> Agency {
        let isCPC = user.roles.contains(.cpc)
        let isAdministrator = user.roles.contains(.administrator)
        guard isCPC || isAdministrator else {
            throw .refused("only a CPC or an administrator may reconcile an area's extract "
                + "(\(user.username) is neither)")
        }
        let agencies = try agencies()
        let own = agencies.first { $0.id == user.agencyID }
        let area: Agency
        if let name {
            let key = Agency.matchKey(name)
            guard let named = agencies.first(where: { $0.kind == .probation && Agency.matchKey($0.name) == key })
            else { throw .badInput("--area: no probation area named \(name) on the register") }
            area = named
        } else {
            guard let own, own.kind == .probation else {
                throw .refused("extracts are stored for probation areas, and \(user.username)'s agency is "
                    + "\(own?.name ?? "unknown"): give --area NAME (administrators only)")
            }
            area = own
        }
        if area.id != user.agencyID, !isAdministrator {
            throw .refused("a CPC reconciles their own area only; only an administrator may reconcile \(area.name)")
        }
        return area
    }
}
