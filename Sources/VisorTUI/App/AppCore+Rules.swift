import Foundation
import VisorDomain
import VisorRegister

extension AppCore {
    /// At sign-in, before the panes are read: the actions pane reads the user's agency's kept actions.
    /// Returns their change counter as read before, for the timer to compare with.
    func attachActions() -> Int? {
        guard let user else { return nil }
        let clock = self.clock
        // The first terminal after midnight brings the kept actions to the new day (one read otherwise).
        do { try database.refreshActions() } catch { say("The actions could not be brought to today: \(error)", error: true) }
        actions.feed = ActionsFeed(register: database, agencyID: user.agencyID, horizonDays: policy.actionsHorizonDays,
                                   today: { clock.today() })
        return try? database.actionChangeVersion(of: user.agencyID)
    }

    /// Starts the background timer that tells when to read the actions and the queue again.
    func startBackgroundWork(actionsVersion: Int?) {
        guard rulesTimer == nil, let user else { return }
        let database = self.database, policy = self.policy, clock = self.clock
        let agency = user.agencyID
        let watcher = try? database.makeChangeWatcher()
        let work = RulesTimer.Work(
            dataVersion: { try watcher?.version() ?? 0 },
            agencyVersion: { try database.actionChangeVersion(of: agency) },
            listVersion: { try database.listChangeVersion(of: agency) },
            loadQueue: { [queueWindow] in
                try QueueItems.load(database, user: user, policy: policy, window: queueWindow.current)
            },
            today: { clock.today() },
            newDay: { try database.refreshActions() })
        let timer = RulesTimer(work: work, inbox: inbox, poll: options.pollSeconds, agencyVersion: actionsVersion,
                               listVersion: try? database.listChangeVersion(of: agency),
                               day: clock.today())
        rulesTimer = timer
        onDataChanged = { [weak timer] in timer?.requestCheck() }
        timer.start()
    }

    /// Reads the actions pane's counts and page again; the list's marks follow at the next frame.
    func readActions() {
        do {
            try actions.refresh(visibleRows: visibleRows(.actions))
        } catch {
            say("The actions could not be read: \(error)", error: true)
        }
        list.marksReadFor = nil
    }

    /// The list's overdue and due marks for the rows on screen, read again when those rows or the
    /// actions changed (a page of nominals through a covering index, not the agency's every action).
    func syncListMarks() {
        guard let feed = actions.feed else { return }
        let shown = list.rows.indices.clamped(to: list.top..<(list.top + listVisibleRows))
        let ids = list.rows[shown].map(\.id)
        guard ids != list.marksReadFor else { return }
        list.marksReadFor = ids
        do {
            let marks = try database.nominalsWithActions(feed.query(), among: ids)
            list.overdue = Set(marks.filter { $0.value == .overdue }.keys)
            list.dueSoon = Set(marks.filter { $0.value == .due }.keys)
        } catch {
            say("The actions could not be read: \(error)", error: true)
        }
    }

    /// Stops background work (on quit).
    public func stopBackgroundWork() {
        rulesTimer?.stop()
        rulesTimer = nil
    }
}
