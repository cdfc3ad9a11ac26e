import VisorDomain
import VisorStore

extension AppCore {
    /// The partner-request keys: request from a stub, answer or withdraw from
    /// the queue, make the R5/R6 partner, end a partnership.
    func performPartnerAction(_ action: ActionID) {
        guard let user else { return }
        switch action {
        case .requestPartnership:
            guard let detail = record.detail, focus == .record else { return say("Open a record first") }
            guard detail.access == .stub else { return say("Your agency already sees this record") }
            overlay = .prompt(PromptState(
                title: "Request partnership — \(detail.nominal.displayName)",
                label: "Why does your agency need this record? (sent to \(detail.ownerName))",
                purpose: .requestPartnership(detail.nominal.id)))
        case .acceptRequest, .acceptRestricted:
            guard let item = queue.selectedItem, item.direction == .incoming else {
                return say("Select an incoming request in the partner queue")
            }
            run("Accepted as \(action == .acceptRestricted ? "restricted" : "full") partner", nominal: item.nominalID) {
                _ = try database.acceptPartnerRequest(item.requestID, restricted: action == .acceptRestricted,
                                                      by: user, policy: policy)
            }
        case .declineRequest:
            guard let item = queue.selectedItem, item.direction == .incoming else {
                return say("Select an incoming request in the partner queue")
            }
            overlay = .prompt(PromptState(title: "Decline \(item.agencyName)'s request — \(item.nominalName)",
                                          label: "Reason (required, sent to the requester)",
                                          purpose: .declineRequest(item.requestID)))
        case .withdrawRequest:
            guard let item = queue.selectedItem, item.direction == .outgoing else {
                return say("Select one of your agency's requests in the partner queue")
            }
            run("Request withdrawn", nominal: item.nominalID) {
                _ = try database.withdrawPartnerRequest(item.requestID, by: user, policy: policy)
            }
        case .addDutyPartner:
            guard let detail = record.detail, detail.access == .full else { return say("Open a record your agency owns") }
            do {
                guard let agency = try database.dutyPartner(for: detail.nominal.id) else {
                    return say("No partner is required by R5 or R6 here, or none is recorded to make one", error: true)
                }
                run("\(agency.name) is now a partner", nominal: detail.nominal.id) {
                    _ = try database.addPartner(nominal: .id(detail.nominal.id), agency: agency.id, restricted: false,
                                                by: user)
                }
            } catch {
                say(error.description, error: true)
            }
        case .endPartnership:
            guard let detail = record.detail, detail.access == .full, let partner = partnerToEnd(detail) else {
                return say("Open a record your agency owns that has a partner")
            }
            overlay = .prompt(PromptState(title: "End \(partner.agency)'s partnership — \(detail.nominal.displayName)",
                                          label: "Reason (required)",
                                          purpose: .endPartnership(nominal: detail.nominal.id, agency: partner.agencyID)))
        default:
            break
        }
    }

    /// The partnership `e` ends: a probation partner left on a category 1 level 1 record (R7) first.
    private func partnerToEnd(_ detail: RecordDetail) -> RecordDetail.Partner? {
        if detail.nominal.category == .one, detail.nominal.level == .one,
           let left = detail.partners.first(where: { partner in
               (try? database.agencies().first { $0.id == partner.agencyID }?.kind) == .probation
           }) {
            return left
        }
        return detail.partners.first
    }

    func submitPrompt(_ state: PromptState) {
        guard let user else { return }
        let text = state.field.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            var again = state
            again.message = "A reason is required"
            overlay = .prompt(again)
            return
        }
        overlay = nil
        switch state.purpose {
        case .requestPartnership(let nominal):
            run("Request sent; the owner must answer within \(policy.r4AnswerWorkingDays) working days",
                nominal: nominal) {
                _ = try database.requestPartnership(nominal: .id(nominal), reason: text, by: user, policy: policy)
            }
        case .declineRequest(let id):
            let nominal = queue.items.first { $0.requestID == id }?.nominalID
            run("Request declined", nominal: nominal) {
                _ = try database.declinePartnerRequest(id, reason: text, by: user, policy: policy)
            }
        case .endPartnership(let nominal, let agency):
            run("Partnership ended", nominal: nominal) {
                _ = try database.endPartnership(nominal: .id(nominal), agency: agency, reason: text, by: user)
            }
        }
    }

    /// Runs a change, reports it, and refreshes what it affects.
    private func run(_ success: String, nominal: NominalID?, _ change: () throws -> Void) {
        do {
            try change()
            say(success)
            afterChange(nominals: nominal.map { [$0] } ?? [])
        } catch let error as StoreError {
            say(error.description, error: true)
        } catch {
            say(String(describing: error), error: true)
        }
    }

    /// After this terminal changed data: re-read the open record and the queue, and re-evaluate the rules.
    func afterChange(nominals: Set<NominalID>) {
        if let detail = record.detail, let user,
           let reopened = try? database.openRecord(detail.nominal.id, for: user, foundExactly: record.foundExactly) {
            let tab = record.tab
            record.show(reopened)
            record.tab = tab
        }
        reloadQueue()
        onDataChanged?(nominals)
    }

    /// Reads the partner queue now (the timer also does, in the background).
    func reloadQueue() {
        guard let user else { return }
        if let items = try? QueueItems.load(database, user: user, policy: policy) {
            queue.replace(items, visibleRows: visibleRows(.queue))
        }
    }

    /// True when a dialog holds typed text that quitting would lose.
    var hasUnsavedInput: Bool {
        if case .prompt(let state)? = overlay { return !state.field.text.isEmpty }
        return false
    }
}

/// The partner queue's rows: incoming requests awaiting the user's agency, then its outgoing ones.
public enum QueueItems {
    public static func load(_ database: AppDatabase, user: User, policy: Policy) throws(StoreError) -> [QueueItem] {
        let incoming = try database.incomingRequests(for: user, policy: policy).map { item(from: $0, .incoming) }
        let outgoing = try database.outgoingRequests(for: user, policy: policy).map { item(from: $0, .outgoing) }
        return incoming + outgoing
    }

    private static func item(from view: PartnerRequestView, _ direction: QueueItem.Direction) -> QueueItem {
        QueueItem(requestID: view.id, nominalID: view.nominalID, direction: direction,
                  nominalName: view.surname.uppercased() + ", " + view.forenames,
                  agencyName: direction == .incoming ? view.requestingAgency.name : view.ownerAgency.name,
                  requestedOn: view.requestedOn, due: view.due, reason: view.reason, mayAnswer: view.viewerMayAnswer)
    }
}
