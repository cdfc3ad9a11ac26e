import VisorDomain
import VisorRegister

extension AppCore {
    func apply(_ message: InboxMessage) {
        switch message {
        case .actionsChanged:
            readActions()
        case .queue(let load):
            queue.replace(load, visibleRows: visibleRows(.queue))
        case .dataChanged:
            guard screen == .main else { return }
            if !list.isTypingSearch { list.refresh(loader, visibleRows: listVisibleRows) }
            checkOpenRecordAccess()
        case .failure(let text):
            say(text, error: true)
        }
    }
}

extension AppCore {
    /// Another terminal committed: the open record closes, or turns into its stub, when this
    /// user's agency has lost access to it (its owner or partners changed); re-opened when it changed.
    func checkOpenRecordAccess() {
        guard let user, let detail = record.detail,
              let access = try? database.recordAccess(detail.nominal.id, for: user, foundExactly: record.foundExactly),
              access != detail.access else { return }
        let name = detail.nominal.displayName
        guard access != .none, let reopened = try? database.openRecord(detail.nominal.id, for: user,
                                                                       foundExactly: record.foundExactly) else {
            record.close(saying: "\(name)'s record was closed: another user changed who may see it, and your "
                + "agency no longer may.")
            return
        }
        record.show(reopened)
        record.message = access == .stub
            ? "Your agency no longer sees this record (another user changed its owner or partners): only its stub shows."
            : "Another user changed who may see this record: it now shows as your agency may see it."
    }
}
