import VisorDomain
import VisorRegister

/// The forms of records.md: opened from the record pane's keys or from an action, validated as the
/// user types, saved as one step of the register; what the user typed stays when the register
/// refuses it.
extension AppCore {
    // MARK: Opening

    private func formContext(for detail: RecordDetail?) throws -> (FormContext, [Agency]) {
        let agencies = try database.agencies()
        var context = FormContext(today: clock.today(), agencies: AgencyIndex(agencies), policy: policy)
        if let detail {
            context.correctable = Set(detail.entries.map(\.id))
            context.manager = detail.managerUsername
            context.nominal = detail.nominal
        }
        return (context, agencies)
    }

    private func open(_ state: FormState) {
        var state = state
        state.errors = state.validationErrors()
        overlay = .form(state)
    }

    /// `c`: a new nominal, owned by the user's agency; `values` pre-fill it (an extract case's).
    func openCreateForm(prefill values: [CoreField: String] = [:], title: String = "New nominal") {
        do {
            let (context, agencies) = try formContext(for: nil)
            var start = NominalDraft.blank().values
            start.merge(values) { $1 }
            open(FormState(title: title + " — owned by \(agencyName)", purpose: .createNominal,
                           fields: FormFields.nominal(start, aliases: [], agencies: agencies, manager: nil, managers: []),
                           context: context))
        } catch {
            say("The form could not be opened: \(error)", error: true)
        }
    }

    /// `E`: the open record's core data; `focusing` puts the cursor on the first of these fields.
    func openEditForm(focusing keys: [String] = []) {
        guard let detail = record.detail, detail.access == .full else { return }
        do {
            let (context, agencies) = try formContext(for: detail)
            let draft = NominalDraft(editing: detail.nominal, agencies: context.agencies)
            var state = FormState(
                title: "Edit \(detail.nominal.displayName) (nominal \(detail.nominal.id), version \(detail.version))",
                purpose: .editNominal(detail.nominal.id, version: detail.version),
                fields: FormFields.nominal(draft.values, aliases: draft.aliases, agencies: agencies,
                                           manager: detail.managerUsername ?? "",
                                           managers: (try? database.managerCandidates(of: detail.nominal.ownerAgencyID)) ?? []),
                context: context)
            if let first = keys.first(where: { key in state.fields.contains { $0.key == key } }) { state.focus(on: first) }
            open(state)
        } catch {
            say("The form could not be opened: \(error)", error: true)
        }
    }

    func openRecordForm(_ kind: RecordFormKind) {
        guard let detail = record.detail, detail.access >= .restricted else { return }
        do {
            let (context, agencies) = try formContext(for: detail)
            let name = "\(detail.nominal.displayName) (nominal \(detail.nominal.id))"
            let id = detail.nominal.id
            let today = clock.today()
            let state: FormState = switch kind {
            case .entry:
                FormState(title: "New entry on \(name)", purpose: .entry(id), fields: FormFields.entry(today: today),
                          context: context, focus: 2)
            case .meeting:
                FormState(title: "MAPP meeting on \(name)", purpose: .meeting(id),
                          fields: FormFields.meeting(today: today, level: detail.nominal.level, agencies: agencies),
                          context: context, focus: 2)
            case .check:
                FormState(title: (detail.nextCheck == .validation ? "Validate" : "Review") + " \(name) (R10)",
                          purpose: .check(id, detail.nextCheck), fields: FormFields.check(), context: context)
            case .notification:
                FormState(title: "Annual notification on \(name) (R16)", purpose: .notification(id),
                          fields: FormFields.notification(today: today), context: context)
            case .transfer:
                FormState(title: "Transfer \(name) to another agency", purpose: .transfer(id),
                          fields: FormFields.transfer(agencies: agencies, owner: detail.nominal.ownerAgencyID),
                          context: context)
            }
            open(state)
        } catch {
            say("The form could not be opened: \(error)", error: true)
        }
    }

    // MARK: Typing and moving

    func typeIntoForm(_ state: inout FormState, _ key: Key) {
        guard state.fields.indices.contains(state.focus) else { return }
        let before = state.fields[state.focus].text
        guard state.fields[state.focus].input.handle(key), state.fields[state.focus].text != before else { return }
        state.touched.insert(state.fields[state.focus].key)
        state.message = nil
        state.confirmDuplicate = false
        state.errors = state.validationErrors()
        if state.choosing != nil { state.choosing = choices(for: state) }
    }

    func moveFormFocus(by step: Int) {
        guard case .form(var state)? = overlay else { return }
        if var list = state.choosing {
            list.selected = min(max(0, list.selected + step), max(0, list.options.count - 1))
            state.choosing = list
        } else {
            state.moveFocus(by: step)
        }
        overlay = .form(state)
    }

    /// Enter: picks the choice when the list is open; else the next field, or saves on the last.
    func enterOnForm() {
        guard case .form(var state)? = overlay else { return }
        if let list = state.choosing {
            if list.options.indices.contains(list.selected) { pick(list.options[list.selected], into: &state) }
            state.choosing = nil
            overlay = .form(state)
        } else if state.focus + 1 < state.fields.count {
            state.moveFocus(by: 1)
            overlay = .form(state)
        } else {
            saveForm()
        }
    }

    /// Ctrl-O: the focused field's choices, narrowed by what is typed.
    func openFormChoices() {
        guard case .form(var state)? = overlay else { return }
        guard let list = choices(for: state), !list.options.isEmpty else {
            return say(state.focusedField?.choices.isEmpty == false ? "Nothing matches what is typed"
                : "This field is typed, not chosen")
        }
        state.choosing = list
        overlay = .form(state)
    }

    private func choices(for state: FormState) -> FormChoiceList? {
        guard let field = state.focusedField, !field.choices.isEmpty else { return nil }
        let typed = (field.isList ? FormState.list(field.text).last ?? "" : field.text).lowercased()
        let narrowed = field.choices.filter { typed.isEmpty || $0.lowercased().contains(typed) }
        let exact = narrowed.firstIndex { $0.lowercased() == typed } ?? 0
        return FormChoiceList(options: narrowed.isEmpty ? field.choices : narrowed, selected: exact)
    }

    private func pick(_ option: String, into state: inout FormState) {
        let index = state.focus
        let field = state.fields[index]
        var text = option
        if field.isList {
            var items = FormState.list(field.text)
            if let last = items.last, option.lowercased().contains(last.lowercased()), !field.text.hasSuffix(";") {
                items.removeLast()
            }
            text = (items + [option]).joined(separator: "; ")
        }
        state.fields[index].input = TextField(text: text)
        state.touched.insert(field.key)
        state.errors = state.validationErrors()
    }

    /// Esc: closes the choices; else asks before losing what was typed.
    func escapeForm() {
        guard case .form(var state)? = overlay else { return }
        if state.choosing != nil {
            state.choosing = nil
            overlay = .form(state)
        } else if state.isDirty {
            overlay = .confirm(ConfirmState(title: "Discard?", question: "Discard what you typed in \"\(state.title)\"?",
                                            step: .discardForm, returnTo: .form(state)))
        } else {
            overlay = nil
        }
    }

    // MARK: Saving

    /// Ctrl-S (or Enter on the last field): every error shows; a valid form is one step of the
    /// register. A refusal, a conflict or a namesake keeps the form and what was typed.
    func saveForm() {
        guard case .form(var state)? = overlay, let user else { return }
        state.choosing = nil
        state.errors = state.validationErrors()
        state.touched.formUnion(state.fields.map(\.key))
        if let first = state.fields.firstIndex(where: { state.errors[$0.key] != nil }) {
            state.focus = first
            state.message = "Not saved: correct the fields marked ✗"
            overlay = .form(state)
            return
        }
        do throws(RecordStepError) {
            let (detail, done) = try save(state, by: user)
            overlay = nil
            if let detail, detail.access != .none {
                record.show(detail)
                record.foundExactly = true
            }
            say(done)
            afterChange()
            readActions()
            list.refresh(loader, visibleRows: listVisibleRows)
        } catch {
            switch error {
            case .fields(let errors):
                for fieldError in errors.errors { state.errors[fieldError.field] = fieldError.message }
                if let first = state.fields.firstIndex(where: { errors[$0.key] != nil }) { state.focus = first }
                state.message = "Not saved: " + errors.errors.map(\.description).joined(separator: "; ")
            case .namesake(let warning):
                state.confirmDuplicate = true
                state.message = warning.replacingOccurrences(of: "(--confirm-duplicate)", with: "")
                    + "— Ctrl-S again to create it all the same"
            case .conflict(let conflict):
                state.message = "Not saved: the record was \(conflict.description). Esc, open it again, and redo the change."
            case .store(let storeError):
                state.message = "Not saved: \(storeError.description)"
            }
            overlay = .form(state)
        }
    }

    private func save(_ state: FormState, by user: User) throws(RecordStepError) -> (RecordDetail?, String) {
        switch state.purpose {
        case .createNominal:
            let detail = try database.createNominal(state.nominalDraft, manager: nil,
                                                    confirmDuplicate: state.confirmDuplicate, by: user, policy: policy)
            return (detail, "Created nominal \(detail.nominal.id), owned by \(detail.ownerName)")
        case .editNominal(let id, let version):
            let manager = state.value(ManagerAssignment.field).trimmingCharacters(in: .whitespaces)
            let detail = try database.editNominal(id, changes: state.editDraft,
                                                  manager: manager == (state.context.manager ?? "") ? nil : manager,
                                                  expectedVersion: version, by: user, policy: policy)
            return (detail, "Saved nominal \(id) (version \(detail.version))")
        case .entry(let id):
            return (try database.addEntry(id, state.entryDraft, by: user), "Entry added")
        case .meeting(let id):
            return (try database.addMeeting(id, state.meetingDraft, by: user, policy: policy), "MAPP meeting recorded")
        case .check(let id, let kind):
            let detail = try database.checkRecord(id, RecordCheckDraft(kind: kind, note: state.value("note")), by: user,
                                                  policy: policy)
            return (detail, kind == .validation ? "Record validated" : "Record reviewed")
        case .notification(let id):
            return (try database.recordNotification(id, NotificationDraft(date: state.value("date")), by: user,
                                                    policy: policy), "Notification recorded")
        case .transfer(let id):
            let detail = try database.proposeTransfer(id, state.transferDraft, by: user)
            return (detail, "Transfer proposed to \(state.transferDraft.to): its CPC or deputy CPC answers")
        }
    }
}

/// The forms the record pane opens with a key.
enum RecordFormKind { case entry, meeting, check, notification, transfer }

extension AppCore {
    /// Why the open record does not take `permission` from this user now (domain.md's table), or nil.
    func recordStepProblem(_ permission: RecordPermission) -> String? {
        guard let detail = record.detail, detail.access != .stub else { return "Open a record first" }
        return AccessPolicy.check(viewer, permission, on: detail.facts)?.description
    }
}
