extension EntryDraft {
    /// The entry, or every field's error in field order. `today` is the
    /// default date and the latest allowed; `correctable` holds the ids of
    /// the nominal's entries the author may see, the only ones `corrects`
    /// may name. The text is 1 to 20,000 characters of multi-line free text
    /// (line feeds allowed, tabs and other controls refused), trimmed of
    /// blank lines around it. Intelligence must be graded and nothing else
    /// may be; only a risk assessment carries RoSH levels, and it must.
    public func validated(today: LocalDate, correctable: Set<Int64>) throws(FieldErrors) -> NewEntry {
        var errors = FieldErrorCollector()
        let kind = errors.attempt { () throws(FieldError) in try Self.kind(self.kind) }
        let date = errors.attempt { () throws(FieldError) in
            try RecordDate.pastOrToday(self.date, field: "date", today: today, defaultToday: true)
        }
        let text = errors.attempt { () throws(FieldError) in
            try TextFieldRules.required(self.text, field: "text", multiline: true, limit: TextLimits.longText)
        }
        let grading = gradingGiven ? gradingValue(&errors, kind: kind) : nil
        if kind == .intelligence, !gradingGiven {
            errors.add(FieldError(field: IntelligenceGrading.Field.source, value: "",
                                  message: "required for intelligence (1, 2 or 3)"))
        }
        var rosh: RoSHAssessment?
        if kind == .riskAssessment {
            rosh = errors.attempt { () throws(FieldError) in try RoSHAssessment(parsing: self.rosh) }
        } else if let piece = self.rosh.first, kind != nil {
            errors.add(FieldError(field: RoSHAssessment.field, value: piece,
                                  message: "only a risk assessment carries RoSH levels"))
        }
        let corrects = errors.attempt { () throws(FieldError) in try Self.corrects(self.corrects, correctable) }
        try errors.check(order: Self.fieldOrder)
        guard let kind, let date, let text else { throw FieldErrors([]) }  // unreachable: each left an error
        return NewEntry(kind: kind, date: date, text: text, released: released, grading: grading, rosh: rosh,
                        corrects: corrects ?? nil)
    }

    private var gradingGiven: Bool {
        [source, assessment, handling, conditions].contains { $0.map { !$0.isEmpty } ?? false }
    }

    private func gradingValue(_ errors: inout FieldErrorCollector, kind: Entry.Kind?) -> IntelligenceGrading? {
        guard kind == .intelligence else {
            if kind != nil {
                let (field, value) = [(IntelligenceGrading.Field.source, source),
                                      (IntelligenceGrading.Field.assessment, assessment),
                                      (IntelligenceGrading.Field.handling, handling),
                                      (IntelligenceGrading.Field.conditions, conditions)]
                    .first { $0.1.map { !$0.isEmpty } ?? false } ?? ("source", "")
                errors.add(FieldError(field: field, value: value ?? "", message: "only intelligence is graded"))
            }
            return nil
        }
        do throws(FieldErrors) {
            return try IntelligenceGrading(source: source ?? "", assessment: assessment ?? "",
                                           handling: handling ?? "", conditions: conditions)
        } catch {
            error.errors.forEach { errors.add($0) }
            return nil
        }
    }

    private static func kind(_ value: String) throws(FieldError) -> Entry.Kind {
        let text = TextFieldRules.trimmed(value, multiline: false)
        let allowed = "information, intelligence, risk_assessment, risk_management_plan, contact or note"
        guard !text.isEmpty else { throw FieldError(field: "kind", value: value, message: "required (\(allowed))") }
        if text == Entry.Kind.mappMinutes.rawValue {
            throw FieldError(field: "kind", value: value,
                             message: "MAPP minutes are recorded with their meeting (visor meeting add)")
        }
        guard let kind = Entry.Kind(rawValue: text) else {
            throw FieldError(field: "kind", value: value, message: "must be \(allowed)", malformed: true)
        }
        guard Entry.Kind.addable.contains(kind) else {
            throw FieldError(field: "kind", value: value, message: "must be \(allowed)")
        }
        return kind
    }

    private static func corrects(_ value: String?, _ correctable: Set<Int64>) throws(FieldError) -> Int64? {
        guard let value, !TextFieldRules.trimmed(value, multiline: false).isEmpty else { return nil }
        let text = TextFieldRules.trimmed(value, multiline: false)
        guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let id = Int64(text), id > 0 else {
            throw FieldError(field: "corrects", value: value, message: "not an entry id (a whole number)",
                             malformed: true)
        }
        guard correctable.contains(id) else {
            throw FieldError(field: "corrects", value: value, message: "no entry \(id) on this nominal")
        }
        return id
    }
}
