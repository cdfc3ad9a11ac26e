import Foundation
import Synchronization
import GRDB
import VisorDomain
import VisorRegister
import VisorStore

/// The demonstration's users: the six named users of cli.md (password `demo`,
/// valid clearance, instruction acknowledged) and other staff for every agency
/// — some who have not acknowledged the instruction (R15), clearances near or
/// past expiry (R13), an area without a trainer and one whose CPC's clearance
/// lapsed (R12), and an SPO who has not signed in for weeks (R14).
enum DemoStaff {
    static let namedUsers: [(username: String, agency: String, roles: [Role], clearance: ClearanceKind)] = [
        ("spo", "London", [.spo], .bscCRB),
        ("cpc", "London", [.cpc, .supervisor], .sc),
        ("om", "London", [.offenderManager], .bscCRB),
        ("admin", "London", [.administrator, .accountCreator], .bscCRB),
        ("police", "Metropolitan Police Service", [.partnerUser, .cpc], .sc),
        ("prison", "HMP Belmarsh", [.partnerUser], .nppv2),
    ]

    static func create(_ context: inout DemoContext, nominalCount: Int) throws {
        let demoHashes = try demoPasswordHashes(count: namedUsers.count)
        // Staff joined six years ago, before the oldest record (created up to five and a half years ago,
        // at a custody start), so that the supervisors who validated records held the role then (R10
        // counts only such validations).
        let longAgo = context.today.adding(years: -6)
        for (index, named) in namedUsers.enumerated() {
            let agency = context.agency(named.agency)
            let id = try user(&context, username: named.username, fullName: fullName(&context.random),
                              agency: agency, hash: demoHashes[index], roles: named.roles, clearance: named.clearance,
                              granted: longAgo, expires: context.day(3 * 365), acknowledged: true, createdOn: longAgo,
                              staffID: named.username == "om" ? "LDN0001" : nil)
            context.staff.named[named.username] = id
            if named.roles.contains(.offenderManager) { context.staff.managers[agency, default: []].append((id, "LDN0001")) }
            if named.roles.contains(.supervisor) { context.staff.supervisors[agency, default: []].append(id) }
            if named.roles.contains(.partnerUser) { context.staff.partnerUsers[agency, default: []].append(id) }
        }
        try context.db.execute(sql: "UPDATE user_account SET last_sign_in_at = ?, last_sign_in_on = ? WHERE username = 'spo'",
                               arguments: [context.instant(context.day(-1)), context.day(-1)])
        // Managers per agency scale with the register: about one per 150 nominals of the agency.
        let managersPerProbationArea = max(3, nominalCount / 12 / 4 / 150)
        let managersPerForce = max(1, nominalCount * 3 / 4 / 43 / 150)
        for (index, area) in AgencyCatalog.probationAreas.enumerated() {
            try probationStaff(&context, area: area, index: index, managers: managersPerProbationArea)
        }
        for (index, force) in AgencyCatalog.policeForces.enumerated() {
            let agency = context.agency(force)
            try staffMember(&context, agency: agency, roles: [.cpc], clearance: .sc, tag: "cpc\(index)")
            // A supervisor validates the force's records: its managers created them (R10).
            let supervisor = try staffMember(&context, agency: agency, roles: [.supervisor], clearance: .nppv2,
                                             tag: "pf\(index)sup")
            context.staff.supervisors[agency, default: []].append(supervisor)
            for m in 0..<managersPerForce {
                let staffID = "PF\(index)-\(m)"
                let id = try staffMember(&context, agency: agency, roles: [.offenderManager, .partnerUser],
                                         clearance: .nppv2, tag: "pf\(index)m\(m)", staffID: staffID)
                context.staff.managers[agency, default: []].append((id, staffID))
                context.staff.partnerUsers[agency, default: []].append(id)
            }
        }
        for (index, prison) in AgencyCatalog.prisons.enumerated() {
            let agency = context.agency(prison)
            let id = try staffMember(&context, agency: agency, roles: [.partnerUser], clearance: .bscCRB,
                                     tag: "hmp\(index)")
            context.staff.partnerUsers[agency, default: []].append(id)
        }
    }

    private static func probationStaff(_ context: inout DemoContext, area: String, index: Int, managers: Int) throws {
        let agency = context.agency(area)
        let prefix = "PA\(index)"
        // R12: North East has never had a trainer; Wales's CPC clearance lapsed last month.
        let cpcClearanceExpires = area == "Wales" ? context.day(-30) : context.day(900)
        try staffMember(&context, agency: agency, roles: [.cpc], clearance: .sc, tag: "\(prefix)cpc",
                        expires: cpcClearanceExpires)
        try staffMember(&context, agency: agency, roles: [.deputyCPC], clearance: .sc, tag: "\(prefix)dcpc")
        if area != "London" {
            try staffMember(&context, agency: agency, roles: [.administrator, .accountCreator], clearance: .bscCRB,
                            tag: "\(prefix)adm")
        } else {
            // A second account creator in London, whose clearance is due for renewal (R13).
            try staffMember(&context, agency: agency, roles: [.accountCreator], clearance: .bscCRB,
                            tag: "\(prefix)ac", expires: context.day(40))
        }
        if area != "North East" {
            try staffMember(&context, agency: agency, roles: [.trainer], clearance: .bscCRB, tag: "\(prefix)trn",
                            acknowledged: area != "Yorkshire and the Humber")
        }
        if area != "London" {
            let spo = try staffMember(&context, agency: agency, roles: [.spo], clearance: .bscCRB, tag: "\(prefix)spo")
            let lastSeen = area == "Wales" ? context.day(-21) : context.day(-2)
            try context.db.execute(sql: "UPDATE user_account SET last_sign_in_at = ?, last_sign_in_on = ? WHERE id = ?",
                                   arguments: [context.instant(lastSeen), lastSeen, spo])
        }
        let supervisor = try staffMember(&context, agency: agency, roles: [.supervisor, .offenderManager],
                                         clearance: .bscCRB, tag: "\(prefix)sup", staffID: "\(prefix)S")
        context.staff.supervisors[agency, default: []].append(supervisor)
        for m in 0..<managers {
            let staffID = "\(prefix)-\(m)"
            // A few new starters have not yet acknowledged the instruction (R15); one clearance lapses soon (R13).
            let id = try staffMember(&context, agency: agency, roles: [.offenderManager], clearance: .bscCRB,
                                     tag: "\(prefix)om\(m)", staffID: staffID,
                                     expires: m == 1 ? context.day(50) : context.day(1000),
                                     acknowledged: m != 2, createdOn: m == 2 ? context.day(-3) : context.day(-700))
            context.staff.managers[agency, default: []].append((id, staffID))
        }
    }

    @discardableResult
    private static func staffMember(_ context: inout DemoContext, agency: AgencyID, roles: [Role],
                                    clearance: ClearanceKind, tag: String, staffID: String? = nil,
                                    expires: LocalDate? = nil, acknowledged: Bool = true,
                                    createdOn: LocalDate? = nil) throws -> UserID {
        let created = createdOn ?? context.today.adding(years: -6)
        return try user(&context, username: "staff." + tag.lowercased(), fullName: fullName(&context.random),
                        agency: agency, hash: PasswordHasher.disabledHash, roles: roles, clearance: clearance,
                        granted: created, expires: expires ?? context.day(1000), acknowledged: acknowledged,
                        createdOn: created, staffID: staffID)
    }

    private static func user(_ context: inout DemoContext, username: String, fullName: String, agency: AgencyID,
                             hash: String, roles: [Role], clearance: ClearanceKind, granted: LocalDate,
                             expires: LocalDate, acknowledged: Bool, createdOn: LocalDate,
                             staffID: String?) throws -> UserID {
        let createdAt = context.instant(createdOn)
        return try UserRows.insert(
            context.db, username: username, fullName: fullName, agencyID: agency, staffID: staffID,
            passwordHash: hash, roles: roles,
            clearance: Clearance(kind: clearance, grantedOn: min(granted, expires), expiresOn: expires),
            createdAt: createdAt, createdOn: createdOn, acknowledgedAt: acknowledged ? createdAt : nil)
    }

    private static func fullName(_ random: inout DemoRandom) -> String {
        random.pick(DemoNames.staffForenames) + " " + random.pick(DemoNames.staffSurnames)
    }

    /// One scrypt hash of "demo" per user, each with its own salt, computed on
    /// every core at once (the KDF is deliberately slow).
    private static func demoPasswordHashes(count: Int) throws(StoreError) -> [String] {
        let results = Mutex([String?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let hash = try? PasswordHasher.hash("demo")
            results.withLock { $0[index] = hash }
        }
        let hashes = results.withLock { $0 }.compactMap { $0 }
        guard hashes.count == count else { throw .io("password hashing failed") }
        return hashes
    }
}
