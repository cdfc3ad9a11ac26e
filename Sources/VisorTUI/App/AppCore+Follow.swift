import VisorDomain
import VisorRegister

extension AppCore {
    /// Enter on an action: the record it is about; for a record the user's agency may
    /// see only as a stub (R3's prison), the stub with the request form; for an action
    /// about no record (R9, R12–R15, a case not yet on the register), what to do and where.
    func follow(_ item: ActionItem) {
        guard let user, let nominal = item.action.nominalID else {
            overlay = .detail(ActionDetail.state(item, policy: policy))
            return
        }
        // The action names the record exactly, as an identifier search would: a stub may show.
        let access = (try? database.recordAccess(nominal, for: user, foundExactly: true)) ?? .none
        openRecord(nominal, foundExactly: true)
        if access == .stub, record.detail?.nominal.id == nominal, user.hasWorkingRole { askForPartnership() }
    }

    /// Enter or `v`: the selected line of the queue or the actions, whole.
    func showSelectedWhole() {
        if focus == .queue, let item = queue.selectedItem {
            overlay = .detail(RequestDetail.state(item, today: clock.today()))
        } else if focus == .actions, let item = actions.selectedItem {
            overlay = .detail(ActionDetail.state(item, policy: policy))
        }
    }
}
