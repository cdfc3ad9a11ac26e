import Foundation
import GRDB
import VisorDomain
import VisorRegister
@testable import VisorStore

/// Every rule's candidates built the slow, obvious way: every row of every
/// table read into memory, each candidate filled as the rule's documentation
/// says, nothing filtered beforehand. The evaluator's SQL and pre-filters
/// must give the same actions as `RuleEngine` on these.
enum RulesNaiveFacts {
    static func facts(_ db: Database, asOf date: LocalDate) throws -> RuleFacts {
        let agencies = try Row.fetchAll(db, sql: "SELECT * FROM agency")
        let kind = Dictionary(uniqueKeysWithValues: agencies.map { ($0["id"] as AgencyID, $0["kind"] as AgencyKind) })
        let name = Dictionary(uniqueKeysWithValues: agencies.map { ($0["id"] as AgencyID, $0["name"] as String) })
        let users = try Row.fetchAll(db, sql: "SELECT * FROM user_account")
        let staffID = Dictionary(uniqueKeysWithValues: users.map { ($0["id"] as UserID, $0["staff_id"] as String?) })
        let roles = try Row.fetchAll(db, sql: "SELECT * FROM user_role")
        let clearances = Dictionary(grouping: try Row.fetchAll(db, sql: "SELECT * FROM clearance ORDER BY expires_on, id"),
                                    by: { $0["user_id"] as UserID })
            .mapValues { $0.map { Clearance(kind: $0["kind"], grantedOn: $0["granted_on"], expiresOn: $0["expires_on"]) } }
        let nominals = try Row.fetchAll(db, sql: "SELECT * FROM nominal ORDER BY id")
        let partnerships = try Row.fetchAll(db, sql: "SELECT * FROM partnership")
        let active = partnerships.filter { $0["state"] == "active" }
        let pending = try Row.fetchAll(db, sql: "SELECT * FROM partner_request WHERE state = 'pending'")
        let checks = Dictionary(grouping: try Row.fetchAll(db, sql: "SELECT * FROM record_check"), by: { $0["nominal_id"] as NominalID })
        let views = try Row.fetchAll(db, sql: "SELECT * FROM record_view")
        let meetings = Dictionary(grouping: try Row.fetchAll(db, sql: "SELECT * FROM mapp_meeting ORDER BY held_on"),
                                  by: { $0["nominal_id"] as NominalID })
        let userAgency = Dictionary(uniqueKeysWithValues: users.map { ($0["id"] as UserID, $0["agency_id"] as AgencyID) })
        func supervisor(_ user: UserID, _ agency: AgencyID, _ on: LocalDate) -> Bool {
            userAgency[user] == agency && roles.contains {
                $0["user_id"] == user && $0["role"] == "supervisor" && ($0["granted_on"] as LocalDate) <= on
                    && (($0["revoked_on"] as LocalDate?).map { on < $0 } ?? true)
            }
        }
        func partnerKinds(_ nominal: NominalID) -> [AgencyKind] {
            active.filter { $0["nominal_id"] == nominal }.compactMap { kind[$0["agency_id"]] }
        }
        func lastEnded(_ nominal: NominalID, _ of: AgencyKind) -> LocalDate? {
            partnerships.filter { $0["nominal_id"] == nominal && $0["state"] == "ended" && kind[$0["agency_id"]] == of }
                .compactMap { $0["ended_on"] as LocalDate? }.max()
        }
        var facts = RuleFacts()
        for n in nominals {
            let id: NominalID = n["id"]
            let owner: AgencyID = n["owner_agency_id"]
            let created: LocalDate = n["created_on"]
            let lifecycle: Lifecycle = n["lifecycle"]
            let manager: UserID? = n["manager_user_id"]
            let establishment: AgencyID? = n["establishment_id"]
            let dutyChanged: LocalDate = n["duty_changed_on"]
            facts.r3.append(.init(
                nominalID: id, lifecycle: lifecycle, ownerAgencyID: owner, ownerName: name[owner],
                createdOn: created, custody: n["custody_status"], establishmentID: establishment,
                custodyStart: n["custody_start"],
                releaseDate: n["release_date"],
                establishmentIsPartner: active.contains { $0["nominal_id"] == id && $0["agency_id"] == establishment },
                establishmentHasPendingRequest: pending.contains {
                    $0["nominal_id"] == id && $0["requesting_agency_id"] == establishment
                }))
            let crn: CRN? = n["crn"]
            let pnc: PNCID? = n["pnc_id"]
            let category: MAPPACategory = n["mappa_category"]
            let level: MAPPALevel = n["mappa_level"]
            let ownerKind: AgencyKind = kind[owner] ?? .police
            let kinds = partnerKinds(id)
            let area: AgencyID? = n["probation_area_id"]
            let force: AgencyID? = n["home_force_id"]
            let probationSince = R5ProbationPartnerOnCategory1.dutySince(
                createdOn: created, dutyChangedOn: dutyChanged, lastPartnershipEndedOn: lastEnded(id, .probation))
            let policeSince = R6PolicePartnerOnCategory2.dutySince(
                createdOn: created, dutyChangedOn: dutyChanged, lastPartnershipEndedOn: lastEnded(id, .police))
            let subject = RuleNominal(id: id, crn: crn, pncID: pnc, lifecycle: lifecycle, ownerAgencyID: owner,
                                      managerUserID: manager)
            facts.r5.append(R5ProbationPartnerOnCategory1.Candidate(
                nominal: subject, ownerKind: ownerKind,
                category: category, level: level, orderType: n["order_type"],
                hasActiveProbationPartner: kinds.contains(.probation), supervisingAreaName: area.flatMap { name[$0] },
                dutySince: probationSince))
            facts.r6.append(R6PolicePartnerOnCategory2.Candidate(
                nominal: subject, ownerKind: ownerKind,
                category: category, level: level, hasActivePolicePartner: kinds.contains(.police),
                homeForceName: force.flatMap { name[$0] }, dutySince: policeSince))
            for p in active where p["nominal_id"] == id {
                let started = LondonTime.date(of: p["started_at"] as Date)
                facts.r7.append(.init(
                    nominal: subject, category: n["mappa_category"], level: n["mappa_level"], partnerAgencyID: p["agency_id"],
                    partnerKind: kind[p["agency_id"]] ?? .police, partnerName: name[p["agency_id"]],
                    dutySince: R7ProbationOnCategory1Level1.dutySince(changedOn: dutyChanged,
                                                                      partnershipStartedOn: started)))
            }
            facts.r8.append(.init(
                nominal: subject, nomsNumber: n["noms_number"], createdOn: created, surname: n["surname"],
                forenames: n["forenames"], dateOfBirth: n["date_of_birth"], gender: n["gender"],
                ethnicity: n["ethnicity"], category: n["mappa_category"], level: n["mappa_level"],
                custody: n["custody_status"], establishmentID: establishment, releaseDate: n["release_date"],
                rosh: n["rosh_level"], lastNotification: n["last_notification"]))
            facts.r10.append(.init(
                nominal: subject, level: n["mappa_level"], createdOn: created, createdByUserID: n["created_by"],
                checks: (checks[id] ?? []).map {
                    .init(kind: $0["kind"], checkedOn: $0["checked_on"], byUserID: $0["by_user_id"],
                          bySupervisor: supervisor($0["by_user_id"], owner, $0["checked_on"]))
                }))
            let last = meetings[id]?.last
            facts.r11.append(.init(
                nominal: subject, level: n["mappa_level"], lastMeetingHeldOn: last?["held_on"],
                lastMeetingNextReviewOn: last?["next_review_on"], levelSince: n["level_since"],
                mappEntryDate: n["mapp_entry_date"], createdOn: created))
            facts.r14Views.append(.init(
                nominal: subject,
                managerLastViewedOn: views.first { $0["nominal_id"] == id && $0["user_id"] == manager }?["last_viewed_on"],
                managerAssignedOn: n["manager_assigned_on"], createdOn: created))
            facts.r16.append(.init(
                nominal: subject, category: n["mappa_category"], custody: n["custody_status"],
                lastNotification: n["last_notification"]))
        }
        for r in pending {
            guard let n = nominals.first(where: { $0["id"] == (r["nominal_id"] as NominalID) }) else { continue }
            facts.r4.append(.init(
                requestID: r["id"],
                nominal: RuleNominal(id: n["id"], crn: n["crn"], pncID: n["pnc_id"], lifecycle: n["lifecycle"],
                                     ownerAgencyID: n["owner_agency_id"]),
                requestingAgencyID: r["requesting_agency_id"],
                requestingAgencyName: name[r["requesting_agency_id"]], requestedOn: r["requested_on"]))
        }
        try addCases(db, nominals: nominals, staffID: staffID, kind: kind, to: &facts)
        addUsers(users, roles: roles, clearances: clearances, agencies: agencies, asOf: date, to: &facts)
        return facts
    }

    /// R1, R2 and R9 from the stored extracts.
    private static func addCases(_ db: Database, nominals: [Row], staffID: [UserID: String?],
                                 kind: [AgencyID: AgencyKind], to facts: inout RuleFacts) throws {
        let register = nominals.map { n in
            ReconciliationNominal(
                nominalID: n["id"], crn: n["crn"], pncID: n["pnc_id"], ownerAgencyID: n["owner_agency_id"],
                lifecycle: n["lifecycle"], category: n["mappa_category"], level: n["mappa_level"],
                custody: n["custody_status"], releaseDate: n["release_date"],
                managerStaffID: (n["manager_user_id"] as UserID?).flatMap { staffID[$0] ?? nil })
        }
        let snapshots = try Row.fetchAll(db, sql: "SELECT * FROM extract_snapshot")
        for area in kind.filter({ $0.value == .probation }).keys.sorted() {
            let owned = register.filter { $0.ownerAgencyID == area && $0.lifecycle == .active }
            let snapshot = snapshots.first { $0["area_id"] == area }
            facts.r9Areas.append(.init(areaID: area, lastReconciledOn: snapshot?["reconciled_on"],
                                       firstNominalCreatedOn: owned.isEmpty ? nil : try firstCreated(db, area)))
            guard let snapshot else { continue }
            let cases = try Row.fetchAll(db, sql: "SELECT * FROM extract_case WHERE snapshot_id = ? ORDER BY line",
                                         arguments: [snapshot["id"]])
            let reconciliationCases = cases.map { c in
                ReconciliationCase(crn: c["crn"], pncID: c["pnc_id"], category: c["mappa_category"],
                                   level: c["mappa_level"], custody: c["custody_status"], releaseDate: c["release_date"],
                                   mappEntryDate: c["mapp_entry_date"], offenderManager: c["offender_manager"])
            }
            for c in reconciliationCases {
                let exists = register.contains { $0.crn == c.crn || (c.pncID != nil && $0.pncID == c.pncID) }
                let extractCase = RuleCase(areaID: area, crn: c.crn, pncID: c.pncID, category: c.category,
                                           level: c.level, hasNominal: exists)
                facts.r1.append(.init(extractCase: extractCase, releaseDate: c.releaseDate))
                facts.r2.append(.init(extractCase: extractCase, mappEntryDate: c.mappEntryDate))
            }
            for pair in Reconciliation.pairs(cases: reconciliationCases, nominals: register, areaID: area) {
                facts.r9Pairs.append(.init(areaID: area, reconciledOn: snapshot["reconciled_on"],
                                           extractCase: pair.extractCase, nominal: pair.nominal))
            }
        }
    }

    private static func firstCreated(_ db: Database, _ area: AgencyID) throws -> LocalDate? {
        try LocalDate.fetchOne(db, sql: "SELECT min(created_on) FROM nominal WHERE owner_agency_id = ? AND lifecycle = 'active'",
                               arguments: [area])
    }

    /// R12, R13, R14's sign-ins and R15.
    private static func addUsers(_ users: [Row], roles: [Row], clearances: [UserID: [Clearance]], agencies: [Row],
                                 asOf date: LocalDate, to facts: inout RuleFacts) {
        for area in agencies where area["kind"] == "probation" {
            let holdings = users.filter { $0["agency_id"] == (area["id"] as AgencyID) }.sorted { ($0["id"] as UserID) < $1["id"] }
                .flatMap { user in
                    roles.filter { $0["user_id"] == (user["id"] as UserID) && R12RoleCoverage.coveredRoles.contains($0["role"]) }
                        .map { role in
                            R12RoleCoverage.Holding(
                                userID: user["id"], role: role["role"], roleGrantedOn: role["granted_on"],
                                roleEndedOn: role["revoked_on"],
                                disabledOn: user["disabled_on"] ?? ((user["active"] as Bool) ? nil : user["created_on"]),
                                clearances: clearances[user["id"]] ?? [])
                        }
                }
            facts.r12.append(.init(areaID: area["id"], createdOn: area["created_on"], holdings: holdings))
        }
        for user in users where (user["active"] as Bool) && (user["disabled_on"] as LocalDate?) == nil {
            let id: UserID = user["id"]
            let held = Set(roles.filter {
                $0["user_id"] == id && ($0["granted_on"] as LocalDate) <= date
                    && (($0["revoked_on"] as LocalDate?).map { date < $0 } ?? true)
            }.map { $0["role"] as Role })
            let subject = RuleUser(id: id, username: user["username"], agencyID: user["agency_id"])
            facts.r13.append(.init(user: subject, roles: held, clearances: clearances[id] ?? []))
            if roles.contains(where: { $0["user_id"] == id && $0["role"] == "spo" && ($0["revoked_on"] as LocalDate?) == nil }) {
                facts.r14Logons.append(.init(user: subject, lastSignInOn: user["last_sign_in_on"], createdOn: user["created_on"]))
            }
            facts.r15.append(.init(user: subject, acknowledged: (user["acknowledged_at"] as String?) != nil, createdOn: user["created_on"]))
        }
    }
}
