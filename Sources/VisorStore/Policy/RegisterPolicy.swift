import Foundation
import GRDB
import VisorDomain
import VisorRegister

/// The policy belongs to the register: deadlines, windows, clearance and
/// lockout are the same for everyone who uses it. An administrator changes it
/// (`visor policy set|import`), every change audited; everyone else reads it.
extension AppDatabase {
    /// The policy in force: the defaults with the register's settings over them.
    public func policy() throws(StoreError) -> Policy {
        let document = try read { db in try RegisterPolicyRows.document(db) }
        do {
            return try PolicyOverrides.apply(document, source: "the register's policy")
        } catch {
            throw .io("\(path): the register's policy cannot be read: \(error.message)")
        }
    }

    /// Every setting with its value in force and whether the register sets it (else: the default).
    public func policySettings() throws(StoreError) -> [(key: PolicyKey, value: String, isDefault: Bool)] {
        let set = try read { db in try RegisterPolicyRows.document(db) }
        let policy = try policy()
        return PolicyKey.all.map { key in
            let isSet: Bool = if case .table(let section)? = set[key.section] { section[key.name] != nil } else { false }
            return (key, key.value(in: policy), !isSet)
        }
    }

    /// Sets the settings of `document` (a policy file's tables) over the register's, or, with
    /// `replacing`, makes them the register's whole policy. Refused (65) with the file's message
    /// when a setting is unknown or out of range; only an administrator may (77). Audited.
    @discardableResult
    public func changePolicy(_ document: [String: PolicyValue], replacing: Bool, source: String,
                             by user: User) throws(StoreError) -> Policy {
        try auditingRefusal(by: user, step: "policy") { () throws(StoreError) -> Policy in
            let now = clock.now()
            return try write { db in
                let actor = try PartnerRecords.actingUser(db, user)
                guard actor.roles.contains(.administrator) else {
                    throw StoreError.refused("only an administrator changes the register's policy")
                }
                let before = try RegisterPolicyRows.document(db)
                var merged = replacing ? [:] : before
                for (section, value) in document {
                    guard case .table(let settings) = value, case .table(let existing)? = merged[section] else {
                        merged[section] = value
                        continue
                    }
                    merged[section] = .table(existing.merging(settings) { $1 })
                }
                let policy: Policy
                do throws(PolicyFileError) { policy = try PolicyOverrides.apply(merged, source: source) } catch {
                    throw StoreError.badInput(error.message)
                }
                try RegisterPolicyRows.replace(db, with: merged, at: now, by: actor.id)
                let changed = RegisterPolicyRows.flatten(merged).filter { RegisterPolicyRows.flatten(before)[$0.key] != $0.value }
                let removed = RegisterPolicyRows.flatten(before).keys.filter { RegisterPolicyRows.flatten(merged)[$0] == nil }
                let detail = (changed.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value.written)" }
                    + removed.sorted().map { "\($0) back to its default" }).joined(separator: "; ")
                try AuditLog.append(db, at: now, actor: .user(actor), action: .changePolicy,
                                    detail: "\(source): " + (detail.isEmpty ? "no change" : detail))
                // The actions follow from the policy: kept again under the new one, in the same transaction.
                if !detail.isEmpty { try KeptActionsRebuild.run(db, database: self, today: LondonTime.date(of: now)) }
                return policy
            }
        }
    }
}

/// The `policy_setting` rows as a policy document, and back.
enum RegisterPolicyRows {
    static func document(_ db: Database) throws -> [String: PolicyValue] {
        // A register opened read-only before this table existed has no settings: the defaults.
        guard try db.tableExists("policy_setting") else { return [:] }
        var sections: [String: [String: PolicyValue]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT path, value FROM policy_setting ORDER BY path") {
            let path: String = row["path"]
            let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
            let json: String? = row["value"]
            // A damaged setting is an error naming it, never silently the default.
            guard parts.count == 2, let json, let value = try? JSONDecoder().decode(PolicyValue.self, from: Data(json.utf8))
            else { throw StoreError.io("policy_setting \(path): \(json ?? "NULL") cannot be read as a setting") }
            sections[parts[0], default: [:]][parts[1]] = value
        }
        return sections.mapValues { .table($0) }
    }

    /// `section.name` → value, for comparing documents.
    static func flatten(_ document: [String: PolicyValue]) -> [String: PolicyValue] {
        var flat: [String: PolicyValue] = [:]
        for (section, value) in document {
            guard case .table(let settings) = value else { continue }
            for (name, setting) in settings { flat["\(section).\(name)"] = setting }
        }
        return flat
    }

    static func replace(_ db: Database, with document: [String: PolicyValue], at now: Date, by user: UserID) throws {
        try db.execute(sql: "DELETE FROM policy_setting")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for (path, value) in flatten(document) {
            let json = String(decoding: try encoder.encode(value), as: UTF8.self)
            try db.execute(sql: "INSERT INTO policy_setting (path, value, changed_at, changed_by) VALUES (?, ?, ?, ?)",
                           arguments: [path, json, now, user])
        }
    }
}
