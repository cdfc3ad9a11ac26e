import VisorDomain
import VisorRegister

extension AppCore {
    /// Enter on an action: the form that meets it, pre-filled where the action says what is missing
    /// (R1/R2 a new nominal from the extract case; R8 the record's form at the first missing field;
    /// R10 the validation; R11 a meeting at today's date; R16 the notification), when the user may
    /// take that step. Otherwise the record it is about; for a record the user's agency may see only
    /// as a stub (R3's prison), the stub with the request form; for an action about no record (R9,
    /// R12–R15), what to do and where.
    func follow(_ item: ActionItem) {
        guard let user else { return }
        let working = user.hasWorkingRole
        if working, [.r1, .r2].contains(item.action.rule), item.action.nominalID == nil, let crn = item.action.crn,
           let values = try? database.extractCaseValues(crn: crn, for: user), !values.isEmpty {
            return openCreateForm(prefill: values, title: "New nominal for case \(crn.canonical) (\(item.action.rule))")
        }
        guard let nominal = item.action.nominalID else {
            overlay = .detail(ActionDetail.state(item, policy: policy))
            return
        }
        // The action names the record exactly, as an identifier search would: a stub may show.
        openRecord(nominal, foundExactly: true)
        guard let detail = record.detail, detail.nominal.id == nominal else { return }
        if detail.access == .stub {
            if working { askForPartnership() }
            return
        }
        guard working else { return }
        switch item.action.rule {
        case .r8 where recordStepProblem(.editCore) == nil: openEditForm(focusing: missingFieldKeys())
        case .r10: runIfAllowed("validateRecord")
        case .r11: runIfAllowed("newMeeting")
        case .r16: runIfAllowed("recordNotification")
        default: break
        }
    }

    /// The record pane's binding `id`, when it may run now; otherwise the record stays open as it is.
    private func runIfAllowed(_ id: ActionID) {
        guard let binding = record.bindings.first(where: { $0.id == id }), binding.whyNot(self) == nil else { return }
        binding.run(self)
    }

    /// The form keys of the fields R8 finds missing on the open record, in the policy's order.
    private func missingFieldKeys() -> [String] {
        guard let detail = record.detail else { return [] }
        let candidate = R8CompleteRecord.Candidate(detail.nominal)
        return R8CompleteRecord.missingFields(of: candidate, policy: policy).compactMap { field -> String? in
            switch field {
            case .surname: CoreField.surname.rawValue
            case .forenames: CoreField.forenames.rawValue
            case .dateOfBirth: CoreField.dateOfBirth.rawValue
            case .gender: CoreField.gender.rawValue
            case .ethnicity: CoreField.ethnicity.rawValue
            case .identifier: CoreField.pncID.rawValue
            case .category: CoreField.category.rawValue
            case .level: CoreField.level.rawValue
            case .owner: nil
            case .manager: ManagerAssignment.field
            case .custodyStatus: CoreField.custodyStatus.rawValue
            case .custodyDetails: detail.nominal.establishmentID == nil ? CoreField.establishment.rawValue
                : CoreField.releaseDate.rawValue
            case .rosh: CoreField.rosh.rawValue
            case .lastNotification: CoreField.lastNotification.rawValue
            }
        }
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
