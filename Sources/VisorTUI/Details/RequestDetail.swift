import Foundation
import VisorDomain

/// A partner request shown whole before anything is decided: who asked, when,
/// why, and — once answered — the answer, who gave it and their reason.
enum RequestDetail {
    static func state(_ item: QueueItem, today: LocalDate) -> DetailState {
        var paragraphs = [
            DetailParagraph("Nominal", item.nominalName),
            DetailParagraph(item.direction == .incoming ? "Asked by" : "Owner", item.agencyName),
        ]
        var asked = item.requestedBy.map { "\($0), " } ?? ""
        asked += item.requestedAt.map { LondonTime.dateAndTime($0) } ?? item.requestedOn.iso
        paragraphs.append(DetailParagraph(item.direction == .incoming ? "Requested" : "We asked", asked))
        paragraphs.append(DetailParagraph("Their reason", item.reason))
        if item.state == .pending {
            let days = item.due.dayNumber - today.dayNumber
            let when = days < 0 ? "\(-days) days late" : days == 0 ? "today" : "in \(days) days"
            paragraphs.append(DetailParagraph("Answer due", "\(item.due.iso) (\(when))",
                                              role: days < 0 ? .overdue : .dialog))
        } else {
            var answer = item.state == .accepted && item.restricted ? "accepted as a restricted partner"
                : item.state.rawValue
            if let who = item.decidedBy { answer += " by \(who)" }
            if let when = item.decidedAt { answer += ", \(LondonTime.dateAndTime(when))" }
            paragraphs.append(DetailParagraph("Answer", answer))
            if let reason = item.decisionReason { paragraphs.append(DetailParagraph("Answer's reason", reason)) }
        }
        return DetailState(title: "Partner request \(item.requestID)", paragraphs: paragraphs, subject: .request(item))
    }

}

/// An action shown whole: its summary, its dates and people, and what to do.
enum ActionDetail {
    static func state(_ item: ActionItem, policy: Policy) -> DetailState {
        let action = item.action
        var paragraphs = [DetailParagraph("Action", action.summary)]
        let state = item.state == .overdue ? "overdue" : item.state == .due ? "due soon" : "upcoming"
        paragraphs.append(DetailParagraph("Due", "\(action.due.iso) (\(state))",
                                          role: item.state == .overdue ? .overdue : .dialog))
        var who = item.agencyName
        if let username = item.username { who += ", \(username)" }
        paragraphs.append(DetailParagraph("For", who))
        if let nominal = action.nominalID {
            var about = item.nominalName.map { "\($0), register id \(nominal)" } ?? "register id \(nominal)"
            if let crn = action.crn { about += ", CRN \(crn.canonical)" }
            paragraphs.append(DetailParagraph("Nominal", about))
        } else if let crn = action.crn {
            paragraphs.append(DetailParagraph("Case", "CRN \(crn.canonical), in the area's extract, not on the register"))
        }
        paragraphs.append(DetailParagraph("What to do", RuleGuidance.text(for: action.rule, policy: policy)))
        return DetailState(title: "\(action.rule) · \(state)", paragraphs: paragraphs, subject: .action(item))
    }
}
