import Synchronization
import VisorDomain
import VisorRegister

extension AppCore {
    /// Why the queue's selection cannot be answered by this user (`restricted`: accepted as a
    /// restricted partner), if it cannot.
    func answerableSelectionProblem(restricted: Bool = false) -> String? {
        guard let item = queue.selectedItem, item.direction == .incoming, item.state == .pending else {
            return "Select a pending incoming request in the partner queue"
        }
        return Self.answerProblem(item, restricted: restricted)
    }

    /// Why this user may not answer `item` (`restricted`: accept it as a restricted partner), if they
    /// may not. A transfer proposed to the agency is accepted or declined by its CPC or deputy.
    static func answerProblem(_ item: QueueItem, restricted: Bool = false) -> String? {
        guard item.direction == .incoming, item.state == .pending else { return "Only a pending incoming request is answered" }
        guard item.transferID == nil else {
            if restricted { return "A transfer is accepted or declined: a restricted partner answers requests only" }
            return item.mayAnswer ? nil : "Only your agency's CPC or deputy CPC answers a transfer"
        }
        return item.mayAnswer ? nil : "Only the owner's CPC, deputy CPC or the nominal manager answers this request"
    }

    /// Why the queue's selection cannot be withdrawn, if it cannot.
    var withdrawableSelectionProblem: String? {
        guard let item = queue.selectedItem else { return "Select one of your agency's pending requests" }
        return Self.withdrawProblem(item)
    }

    static func withdrawProblem(_ item: QueueItem) -> String? {
        item.mayWithdraw && item.state == .pending ? nil : "Only a pending request your agency made can be withdrawn"
    }

    func acceptSelected(restricted: Bool) {
        if let item = queue.selectedItem { confirmAccept(item, restricted: restricted, returnTo: nil) }
    }

    func declineSelected() {
        if let item = queue.selectedItem { askDeclineReason(item) }
    }

    func withdrawSelected() {
        if let item = queue.selectedItem { withdraw(item) }
    }

    /// `r` on a stub: the request form, or at once the news that the agency already asked.
    func askForPartnership() {
        guard let detail = record.detail, detail.access == .stub else { return say("Open a record's stub first") }
        if let pending = detail.viewerAgencyRequest {
            let who = pending.requestedBy.map { " by \($0)" } ?? ""
            return say("Your agency already asked on \(pending.requestedOn.iso)\(who) (request \(pending.id)); "
                + "the owner has not answered yet")
        }
        overlay = .prompt(PromptState(
            title: "Request partnership — \(detail.nominal.displayName)",
            label: "Why does your agency need this record? (sent to \(detail.ownerName))",
            purpose: .requestPartnership(detail.nominal.id)))
    }

    func confirmAccept(_ item: QueueItem, restricted: Bool, returnTo: Overlay?) {
        if let problem = Self.answerProblem(item, restricted: restricted) { return say(problem, error: true) }
        if let transfer = item.transferID {
            overlay = .confirm(ConfirmState(
                title: "Accept the transfer",
                question: "Make \(agencyName) the owner of \(item.nominalName)? \(item.reason)",
                step: .acceptTransfer(id: transfer), returnTo: returnTo))
            return
        }
        let sees = restricted ? "identity, MAPPA data and the entries released to restricted partners"
            : "the whole record"
        overlay = .confirm(ConfirmState(
            title: "Accept the request",
            question: "Make \(item.agencyName) a \(restricted ? "restricted" : "full") partner on \(item.nominalName)? "
                + "They will see \(sees).",
            step: .acceptRequest(id: item.requestID, restricted: restricted),
            returnTo: returnTo))
    }

    func askDeclineReason(_ item: QueueItem) {
        if let problem = Self.answerProblem(item) { return say(problem, error: true) }
        if let transfer = item.transferID {
            overlay = .prompt(PromptState(title: "Decline the transfer of \(item.nominalName)",
                                          label: "Reason (required, sent to \(item.agencyName))",
                                          purpose: .declineTransfer(transfer), verb: "decline"))
            return
        }
        overlay = .prompt(PromptState(title: "Decline \(item.agencyName)'s request — \(item.nominalName)",
                                      label: "Reason (required, sent to the requester)",
                                      purpose: .declineRequest(item.requestID), verb: "decline"))
    }

    func withdraw(_ item: QueueItem) {
        guard let user else { return }
        if let problem = Self.withdrawProblem(item) { return say(problem) }
        overlay = nil
        run("Request withdrawn") {
            _ = try database.withdrawPartnerRequest(item.requestID, by: user, policy: policy)
        }
    }

    /// `p`: asks before making the partner R5 or R6 requires.
    func confirmDutyPartner() {
        guard let detail = record.detail, detail.access == .full else { return say("Open a record your agency owns") }
        do {
            guard let agency = try database.dutyPartner(for: detail.nominal.id) else {
                return say("No partner is required by R5 or R6 here, or none is recorded to make one", error: true)
            }
            let rule = agency.kind == .police ? "R6" : "R5"
            overlay = .confirm(ConfirmState(
                title: "Make a partner (\(rule))",
                question: "Make \(agency.name) a full partner on \(detail.nominal.displayName)? "
                    + "They will see the whole record and may add entries.",
                step: .addPartner(nominal: detail.nominal.id, agency: agency.id)))
        } catch {
            say(error.description, error: true)
        }
    }

    /// `e`: the partnerships to choose from, a probation partner left on a category 1 level 1 record (R7) first.
    func choosePartnerToEnd() {
        guard let detail = record.detail, detail.access == .full, !detail.partners.isEmpty else {
            return say("Open a record your agency owns that has a partner")
        }
        let kinds = Dictionary((try? database.agencies())?.map { ($0.id, $0.kind) } ?? [], uniquingKeysWith: { a, _ in a })
        let choices = detail.partners.map { partner -> (label: String, value: Int64, r7: Bool) in
            let r7 = kinds[partner.agencyID].map { R7ProbationOnCategory1Level1.refusal(
                partnerKind: $0, category: detail.nominal.category, level: detail.nominal.level) != nil } ?? false
            let label = Self.partnerName(partner) + (r7 ? " — R7: probation is not a partner at level 1" : "")
            return (label, partner.agencyID, r7)
        }
        let options = choices.sorted { ($0.r7 ? 0 : 1, $0.label) < ($1.r7 ? 0 : 1, $1.label) }.map { ($0.label, $0.value) }
        overlay = .choice(ChoiceState(title: "End which partnership on \(detail.nominal.displayName)?",
                                      options: options, purpose: .endPartnership(nominal: detail.nominal.id)))
    }

    /// A partner as the choice of partnerships names it.
    static func partnerName(_ partner: RecordDetail.Partner) -> String {
        partner.agency + (partner.restricted ? " (restricted)" : "")
    }

    /// A choice was made in a choice dialog.
    func chose(_ option: (label: String, value: Int64), for purpose: ChoiceState.Purpose) {
        switch purpose {
        case .endPartnership(let nominal):
            let name = record.detail?.nominal.displayName ?? "the record"
            let agency = record.detail?.partners.first { $0.agencyID == option.value }.map(Self.partnerName) ?? option.label
            overlay = .prompt(PromptState(title: "End \(agency)'s partnership — \(name)", label: "Reason (required)",
                                          purpose: .endPartnership(nominal: nominal, agency: option.value),
                                          verb: "end the partnership"))
        }
    }

    /// `y` to a confirmation: the change it asked about.
    func carryOut(_ step: ConfirmedStep) {
        guard let user else { return }
        switch step {
        case .quit:
            wantsQuit = true
        case .discardForm:
            say("Discarded")
        case .acceptTransfer(let id):
            runStep("Transfer accepted: \(agencyName) owns the record") { () throws(RecordStepError) in
                _ = try database.answerTransfer(id, TransferAnswerDraft(accept: true), by: user)
            }
        case .acceptRequest(let id, let restricted):
            run("Accepted as \(restricted ? "restricted" : "full") partner") {
                _ = try database.acceptPartnerRequest(id, restricted: restricted, by: user, policy: policy)
            }
        case .addPartner(let nominal, let agency):
            let name = (try? database.agencies().first { $0.id == agency }?.name) ?? "The agency"
            run("\(name) is now a partner") {
                _ = try database.addPartner(nominal: .id(nominal), agency: agency, restricted: false, reason: nil,
                                            by: user)
            }
        }
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
        // Said under the field, with the text kept to correct; the store would refuse it too.
        if let problem = FreeText.problem(in: text) {
            var again = state
            again.message = FreeTextError(field: "reason", reason: problem).description
            overlay = .prompt(again)
            return
        }
        overlay = nil
        switch state.purpose {
        case .requestPartnership(let nominal):
            run("Request sent; the owner must answer within \(policy.r4AnswerWorkingDays) working days") {
                _ = try database.requestPartnership(nominal: .id(nominal), reason: text, by: user, policy: policy)
            }
        case .declineRequest(let id):
            run("Request declined") {
                _ = try database.declinePartnerRequest(id, reason: text, by: user, policy: policy)
            }
        case .endPartnership(let nominal, let agency):
            run("Partnership ended") {
                _ = try database.endPartnership(nominal: .id(nominal), agency: agency, reason: text, by: user)
            }
        case .declineTransfer(let id):
            runStep("Transfer declined") { () throws(RecordStepError) in
                _ = try database.answerTransfer(id, TransferAnswerDraft(accept: false, reason: text), by: user)
            }
        }
    }

    /// Runs a records.md step, reports it, and refreshes what it affects.
    private func runStep(_ success: String, _ step: () throws(RecordStepError) -> Void) {
        do throws(RecordStepError) {
            try step()
            say(success)
            afterChange()
            readActions()
        } catch {
            say(error.description, error: true)
        }
    }

    /// Runs a change, reports it, and refreshes what it affects.
    private func run(_ success: String, _ change: () throws -> Void) {
        do {
            try change()
            say(success)
            afterChange()
        } catch let error as StoreError {
            say(error.description, error: true)
        } catch {
            say(String(describing: error), error: true)
        }
    }

    /// After this terminal changed data: re-read the open record and the queue, and have the timer
    /// look at the agency's change counter at once (the write kept the actions itself).
    func afterChange() {
        if let detail = record.detail, let user,
           let reopened = try? database.openRecord(detail.nominal.id, for: user, foundExactly: record.foundExactly) {
            let tab = record.tab
            record.show(reopened)
            record.tab = tab
        }
        reloadQueue()
        onDataChanged?()
    }

    /// Reads the partner queue now (the timer also does, in the background).
    func reloadQueue() {
        guard let user else { return }
        queueWindow.current = queue.windowRequest
        if let load = try? QueueItems.load(database, user: user, policy: policy, window: queueWindow.current) {
            queue.replace(load, visibleRows: visibleRows(.queue))
        }
    }
}

/// How much of the partner queue a terminal reads: the first `limit` rows of each part (nil: all,
/// while a filter is typed), and the answered part only while that view is open. Shared with the
/// background timer, which reads the queue after another terminal's commit.
public final class QueueWindow: Sendable {
    public struct Request: Sendable, Hashable {
        public var limit: Int?
        public var answered: Bool

        public init(limit: Int? = QueueWindow.firstLimit, answered: Bool = false) {
            self.limit = limit
            self.answered = answered
        }

        /// Every row of every part: the command line's and the tests' whole queue.
        public static let everything = Request(limit: nil, answered: true)
    }

    /// Rows of each part read at first: a few screens.
    public static let firstLimit = 40
    private let request = Mutex(Request())

    public init() {}

    public var current: Request {
        get { request.withLock { $0 } }
        set { request.withLock { $0 = newValue } }
    }
}

/// The queue's rows and each part's size, as one read of the register gives them.
public struct QueueLoad: Sendable {
    public var items: [QueueItem]
    public var incomingTotal: Int
    public var outgoingTotal: Int
    public var answerableTotal: Int
    public var answeredTotal: Int
    /// What was asked for: the pane knows whether a part holds more than it read.
    public var request: QueueWindow.Request

    public init(items: [QueueItem], incomingTotal: Int, outgoingTotal: Int, answerableTotal: Int, answeredTotal: Int,
                request: QueueWindow.Request) {
        self.items = items
        self.incomingTotal = incomingTotal
        self.outgoingTotal = outgoingTotal
        self.answerableTotal = answerableTotal
        self.answeredTotal = answeredTotal
        self.request = request
    }

    /// Every row of a queue, its sizes counted from them.
    public init(items: [QueueItem]) {
        let pending = items.filter { $0.state == .pending }
        self.init(items: items, incomingTotal: pending.count { $0.direction == .incoming },
                  outgoingTotal: pending.count { $0.direction == .outgoing },
                  answerableTotal: pending.count { $0.direction == .incoming && $0.mayAnswer && $0.transferID == nil },
                  answeredTotal: items.count - pending.count, request: .everything)
    }
}

/// The partner queue's rows: transfers proposed to the user's agency, incoming requests awaiting
/// its answer, then its outgoing ones, then (in the answered view) those answered in the last 30 days.
public enum QueueItems {
    public static func load(_ database: any Register, user: User, policy: Policy,
                            window: QueueWindow.Request = .everything)
        throws(StoreError) -> QueueLoad {
        let since = database.today.adding(days: -QueueView.answeredDays)
        let read = try database.partnerQueue(for: user, since: since, answered: window.answered, limit: window.limit,
                                             policy: policy)
        let items = read.transfers.map { transfer(from: $0, user: user) }
            + (read.incoming + read.outgoing + read.answered).map { item(from: $0, user: user) }
        return QueueLoad(items: items, incomingTotal: read.incomingTotal + read.transfers.count,
                         outgoingTotal: read.outgoingTotal, answerableTotal: read.answerableTotal,
                         answeredTotal: read.answeredTotal, request: window)
    }

    /// A transfer of ownership proposed to the user's agency, as a line of its queue.
    private static func transfer(from view: TransferView, user: User) -> QueueItem {
        var item = QueueItem(
            requestID: view.id, nominalID: view.nominalID, direction: .incoming,
            nominalName: "\(view.nominalName) (nominal \(view.nominalID))", agencyName: view.from,
            requestedOn: LondonTime.date(of: view.proposedAt), due: LondonTime.date(of: view.proposedAt),
            reason: "Transfer of ownership to \(view.to) proposed by \(view.proposedBy ?? "the owner"); "
                + (view.keepPartner ? "\(view.from) stays a full partner." : "\(view.from) does not stay a partner."),
            mayAnswer: Viewer(user: user).isCPCOrDeputy,
            requestedBy: view.proposedBy, requestedAt: view.proposedAt)
        item.transferID = view.id
        return item
    }

    private static func item(from view: PartnerRequestView, user: User) -> QueueItem {
        let direction: QueueItem.Direction = view.requestingAgency.id == user.agencyID ? .outgoing : .incoming
        func named(_ name: UserName?) -> String? { name.map { "\($0.fullName) (\($0.username))" } }
        return QueueItem(
            requestID: view.id, nominalID: view.nominalID, direction: direction,
            nominalName: Nominal.displayName(surname: view.surname, forenames: view.forenames),
            agencyName: direction == .incoming ? view.requestingAgency.name : view.ownerAgency.name,
            requestedOn: view.requestedOn, due: view.due, reason: view.reason, mayAnswer: view.viewerMayAnswer,
            mayWithdraw: view.viewerMayWithdraw, requestedBy: named(view.requestedBy), requestedAt: view.requestedAt,
            state: view.state, restricted: view.restricted, decidedBy: named(view.decidedBy),
            decidedAt: view.decidedAt, decisionReason: view.decisionReason)
    }
}
