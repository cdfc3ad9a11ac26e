import Foundation
import VisorDomain
import VisorRegister

/// Draws the record pane: tabs across the top, the tab's lines below.
@MainActor
enum RecordView {
    static func draw(_ pane: RecordPane, into grid: inout ScreenGrid, rect: Rect, focused: Bool) {
        let name = pane.detail.map { " · " + $0.nominal.displayName } ?? ""
        grid.drawBox(rect, title: "2 Record\(name)", focused: focused)
        let inner = rect.inset(by: 1)
        guard inner.width > 4, inner.height > 1 else { return }
        guard pane.detail != nil else {
            let hint = pane.message ?? "Select a nominal and press Enter to open the record."
            for (index, line) in TextWrap.wrap(hint, width: inner.width - 1).prefix(inner.height).enumerated() {
                grid.put(line, x: inner.x + 1, y: inner.y + index, role: .muted)
            }
            return
        }
        var x = inner.x
        // When the titles do not all fit, the other tabs show only their number, so the active one always shows.
        let fits = RecordTab.allCases.reduce(0) { $0 + DisplayWidth.of(" \($1.rawValue + 1) \($1.title) ") } <= inner.width
        for tab in RecordTab.allCases {
            let label = fits || tab == pane.tab ? " \(tab.rawValue + 1) \(tab.title) " : " \(tab.rawValue + 1) "
            let role: ThemeRole = tab == pane.tab ? .tabActive : .tabInactive
            x += grid.put(label, x: x, y: inner.y, role: role, maxWidth: inner.maxX - x)
            if x >= inner.maxX { break }
        }
        var body = inner.splitRows(top: 1).bottom
        let lines = allLines(pane, width: body.width - 1)
        if pane.find.isShown {
            let (above, box) = body.splitRows(bottom: 1)
            pane.find.draw(into: &grid, rect: box, count: lines.count { pane.find.matches($0.text) })
            body = above
        }
        for (row, line) in lines.dropFirst(pane.scroll).prefix(body.height).enumerated() {
            grid.put(line.text, x: body.x + 1, y: body.y + row, role: line.role, maxWidth: body.width - 1)
            highlight(pane.find.text, in: line.text, into: &grid, x: body.x + 1, y: body.y + row, width: body.width - 1)
        }
        // What lies below the pane is never cut off silently.
        let hidden = lines.count - pane.scroll - body.height
        if hidden > 0 {
            let more = " ↓ \(NumberText.grouped(hidden)) more "
            grid.put(more, x: rect.maxX - 2 - DisplayWidth.of(more), y: rect.maxY - 1, role: .muted)
        }
    }

    /// The open tab's lines at `width`, with the pane's message under them.
    static func allLines(_ pane: RecordPane, width: Int) -> [StyledLine] {
        guard let detail = pane.detail else { return [] }
        return lines(detail, tab: pane.tab, width: width)
            + (pane.message.map { [StyledLine(text: ""), StyledLine(text: $0, role: .warning)] } ?? [])
    }

    /// The body rows of the pane at `rect` (tabs and a find line excluded).
    private static func bodyRows(_ pane: RecordPane, rect: Rect) -> (rows: Int, width: Int) {
        let inner = rect.inset(by: 1)
        return (max(0, inner.height - 1 - (pane.find.isShown ? 1 : 0)), inner.width - 1)
    }

    /// The furthest `G` scrolls: the last line at the bottom of the pane.
    static func maxScroll(_ pane: RecordPane, rect: Rect?) -> Int {
        // No layout (a terminal too small): nothing to measure against, so nothing is clamped yet.
        guard let rect else { return .max / 2 }
        let (rows, width) = bodyRows(pane, rect: rect)
        return max(0, allLines(pane, width: width).count - rows)
    }

    /// The first line that holds what `/` found, for scrolling to it.
    static func firstMatch(_ pane: RecordPane, rect: Rect?) -> Int? {
        guard let rect, !pane.find.text.isEmpty else { return nil }
        let (rows, width) = bodyRows(pane, rect: rect)
        let lines = allLines(pane, width: width)
        guard let index = lines.firstIndex(where: { pane.find.matches($0.text) }) else { return nil }
        return min(index, max(0, lines.count - rows))
    }

    /// Draws the found text again over a line, in the search-match role.
    private static func highlight(_ found: String, in text: String, into grid: inout ScreenGrid, x: Int, y: Int,
                                  width: Int) {
        guard !found.isEmpty else { return }
        var searchFrom = text.startIndex
        while let range = text.range(of: found, options: [.caseInsensitive, .diacriticInsensitive],
                                     range: searchFrom..<text.endIndex) {
            let column = DisplayWidth.of(String(text[..<range.lowerBound]))
            guard column < width else { break }
            grid.put(String(text[range]), x: x + column, y: y, role: .searchMatch, maxWidth: width - column)
            searchFrom = range.upperBound
        }
    }

    static func lines(_ detail: RecordDetail, tab: RecordTab, width: Int) -> [StyledLine] {
        if detail.access == .stub { return stubLines(detail, width: width) }
        switch tab {
        case .summary: return summary(detail, width: width)
        case .partners: return partners(detail).flatMap { wrapLine($0, width) }
        case .entries: return entries(detail, width: width)
        case .meetings: return meetings(detail, width: width)
        case .history: return history(detail, width: width)
        case .audit: return audit(detail).flatMap { wrapLine($0, width) }
        }
    }

    private static func stubLines(_ detail: RecordDetail, width: Int) -> [StyledLine] {
        let n = detail.nominal
        var lines = [
            StyledLine(text: n.displayName, role: .title),
            StyledLine(text: "Born \(n.dateOfBirth.iso) · register id \(n.id)"),
            StyledLine(text: "Owner \(detail.ownerName) · manager \(detail.managerName ?? "none assigned")"),
            StyledLine(text: ""),
        ].flatMap { wrapLine($0, width) }
        let note = "Your agency is neither the owner nor a partner, so only this stub shows. "
            + "Press r to ask the owner to make your agency a partner (a reason is required)."
        lines += TextWrap.wrap(note, width: width).map { StyledLine(text: $0, role: .stub) }
        return lines
    }

    private static func summary(_ detail: RecordDetail, width: Int) -> [StyledLine] {
        let n = detail.nominal
        var lines: [StyledLine] = [
            StyledLine(text: n.displayName + (n.lifecycle == .archived ? "  (archived: read-only)" : ""), role: .title),
            StyledLine(text: "Register id \(n.id) · born \(n.dateOfBirth.iso) · gender \(n.gender.rawValue)"
                + " · ethnicity \(n.ethnicity.map { "\($0.rawValue) (\($0.group))" } ?? "not recorded")"),
            StyledLine(text: identifiers(n)),
        ]
        if !n.aliases.isEmpty { lines.append(StyledLine(text: "Aliases: " + n.aliases.joined(separator: "; "))) }
        lines.append(StyledLine(text: "MAPPA category \(n.category.rawValue) (\(categoryName(n.category)))"
            + " · level \(n.level.rawValue)" + (n.levelSince.map { " since \($0.iso)" } ?? "")))
        lines.append(StyledLine(text: "Owner \(detail.ownerName) · manager \(detail.managerName ?? "none assigned")"))
        if detail.access == .restricted {
            lines.append(StyledLine(text: "Restricted partner: identity, MAPPA data and released entries only.",
                                    role: .restricted))
            return lines.flatMap { wrapLine($0, width) }
        }
        var custody = n.custody == .inCustody ? "In custody" : "In the community"
        if n.custody == .inCustody {
            custody += " at \(detail.establishmentName ?? "an unrecorded establishment")"
            custody += n.custodyStart.map { " since \($0.iso)" } ?? ""
        }
        if let release = n.releaseDate { custody += " · release \(release.iso) (\(n.releaseDateType?.rawValue ?? "?"))" }
        lines.append(StyledLine(text: custody))
        lines.append(StyledLine(text: "Order \(n.orderType.rawValue.replacingOccurrences(of: "_", with: " "))"
            + " · supervising area \(detail.probationAreaName ?? "not recorded")"
            + " · home force \(detail.homeForceName ?? "not recorded")"))
        lines.append(StyledLine(text: "Risk of serious harm "
            + (n.rosh.map { "\($0.rawValue.replacingOccurrences(of: "_", with: " ")) (\(n.roshDate?.iso ?? "?"))" }
                ?? "not recorded")
            + (n.category == .one ? " · last notification \(n.lastNotification?.iso ?? "not recorded")" : "")))
        lines.append(StyledLine(text: "MAPP entry \(n.mappEntryDate?.iso ?? "—") · created \(n.createdOn.iso)"
            + " (\(n.source.rawValue)) · last validated \(detail.lastValidatedOn?.iso ?? "never")"
            + (detail.lastReviewedOn.map { " · last reviewed \($0.iso)" } ?? "") + " · version \(detail.version)",
                                role: .muted))
        if let transfer = detail.pendingTransfer {
            lines.append(StyledLine(text: "Transfer to \(transfer.to) proposed on "
                + "\(LondonTime.date(of: transfer.proposedAt).iso) (transfer \(transfer.id)): waiting for its answer",
                                    role: .warning))
        }
        if let reason = detail.archiveReason, n.lifecycle == .archived {
            lines.append(StyledLine(text: "Archived: \(reason)", role: .warning))
        }
        return lines.flatMap { wrapLine($0, width) }
    }

    private static func identifiers(_ n: Nominal) -> String {
        let parts = [n.pncID.map { "PNC \($0)" }, n.croNumber.map { "CRO \($0)" }, n.nomsNumber.map { "NOMS \($0)" },
                     n.crn.map { "CRN \($0)" }].compactMap { $0 }
        return parts.isEmpty ? "No identifiers recorded" : parts.joined(separator: " · ")
    }

    private static func categoryName(_ category: MAPPACategory) -> String {
        switch category {
        case .one: "registered sexual offender"
        case .two: "violent offender"
        case .three: "other dangerous offender"
        case .four: "terrorism"
        }
    }

    private static func partners(_ detail: RecordDetail) -> [StyledLine] {
        guard !detail.partners.isEmpty else { return [StyledLine(text: "No partner agencies.", role: .muted)] }
        return detail.partners.map {
            StyledLine(text: "\($0.agency) — \($0.restricted ? "restricted" : "full") partner since "
                + LondonTime.date(of: $0.since).iso, role: $0.restricted ? .restricted : .normal)
        }
    }

    private static func entries(_ detail: RecordDetail, width: Int) -> [StyledLine] {
        guard !detail.entries.isEmpty else { return [StyledLine(text: "No entries.", role: .muted)] }
        return detail.entries.flatMap { entry -> [StyledLine] in
            let grading = entry.grading.map { stored -> String in
                guard let value = try? IntelligenceGrading(stored: stored) else { return " [\(stored)]" }
                return value.conditions == IntelligenceGrading.legacyConditions
                    ? " [\(value.code), conditions not recorded]" : " [\(value.stored)]"
            } ?? ""
            let head = (entry.id > 0 ? "#\(entry.id) " : "") + "\((entry.date ?? LondonTime.date(of: entry.at)).iso) "
                + entry.agency + (entry.authorUsername.map { " (\($0))" } ?? "") + " · "
                + entry.kind.rawValue.replacingOccurrences(of: "_", with: " ") + grading
                + (entry.rosh.map { " · RoSH \($0)" } ?? "")
                + (entry.released ? " · released to restricted partners" : "")
                + (entry.corrects.map { " · corrects #\($0)" } ?? "")
            return wrapLine(StyledLine(text: head, role: .header), width) + TextWrap.wrap(entry.text, width: width).map {
                StyledLine(text: $0)
            }
        }
    }

    private static func meetings(_ detail: RecordDetail, width: Int) -> [StyledLine] {
        guard !detail.meetings.isEmpty else { return [StyledLine(text: "No MAPP meetings recorded.", role: .muted)] }
        return detail.meetings.flatMap { meeting -> [StyledLine] in
            wrapLine(StyledLine(text: "\(meeting.heldOn.iso) level \(meeting.level) · next review "
                + (meeting.nextReviewOn?.iso ?? "not set")
                + (meeting.attendees.isEmpty ? "" : " · attended by " + meeting.attendees.joined(separator: ", ")),
                                role: .header), width)
                + TextWrap.wrap("Minutes: " + meeting.minutes, width: width).map { StyledLine(text: $0) }
                + TextWrap.wrap("Plan: " + meeting.plan, width: width).map { StyledLine(text: $0) }
        }
    }

    /// Validations and reviews (R10), then changes of category, level, custody, owner and lifecycle.
    private static func history(_ detail: RecordDetail, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = [StyledLine(text: "Validations and reviews", role: .header)]
        if detail.checks.isEmpty {
            lines.append(StyledLine(text: "Not validated yet.", role: .muted))
        }
        for check in detail.checks {
            lines.append(StyledLine(text: "\(check.on.iso) \(check.kind == .validation ? "validated" : "reviewed") by "
                + (check.by ?? "an unrecorded user") + (check.note.map { ": \($0)" } ?? "")))
        }
        lines.append(StyledLine(text: ""))
        lines.append(StyledLine(text: "Category, level, custody, owner and lifecycle", role: .header))
        if detail.history.isEmpty { lines.append(StyledLine(text: "No change recorded.", role: .muted)) }
        for change in detail.history {
            lines.append(StyledLine(text: "\(change.on.iso) \(change.field.replacingOccurrences(of: "_", with: " ")): "
                + "\(change.old ?? "—") → \(change.new ?? "—")" + (change.by.map { " by \($0)" } ?? "")))
        }
        return lines.flatMap { wrapLine($0, width) }
    }

    private static func audit(_ detail: RecordDetail) -> [StyledLine] {
        guard !detail.audit.isEmpty else {
            return [StyledLine(text: "The audit trail of a record is shown to its owner agency.", role: .muted)]
        }
        return detail.audit.map {
            StyledLine(text: "\(LondonTime.iso($0.at).prefix(16).replacingOccurrences(of: "T", with: " ")) "
                + "\($0.who) \($0.action.replacingOccurrences(of: "_", with: " ")) \($0.detail)")
        }
    }

    private static func wrapLine(_ line: StyledLine, _ width: Int) -> [StyledLine] {
        TextWrap.wrap(line.text, width: width).map { StyledLine(text: $0, role: line.role) }
    }
}
