import VisorDomain

/// Checked reads of the rules' queries: nil only where the schema allows
/// NULL, and `RegisterDamage` naming `subject` and `column` for any value
/// the schema forbids. The column's name is a `StaticString`, turned into
/// text only when thrown: a `String` cost a release per row of the scan.
extension SQLiteRow {
    /// A date column: nil for NULL, damage for a value that is no date.
    @inline(__always)
    func optionalDate(_ index: Int32, of subject: RegisterDamage.Subject, _ column: StaticString)
        throws(RegisterDamage) -> LocalDate? {
        guard let bytes = bytes(index) else { return nil }
        if let date = SQLiteRow.isoDate(bytes) { return date }
        throw RegisterDamage(subject, column: "\(column)", in: self, at: index, expected: "a date")
    }

    /// A date column the schema says NOT NULL.
    @inline(__always)
    func requiredDate(_ index: Int32, of subject: RegisterDamage.Subject, _ column: StaticString)
        throws(RegisterDamage) -> LocalDate {
        if let date = try optionalDate(index, of: subject, column) { return date }
        throw RegisterDamage(subject, column: "\(column)", in: self, at: index, expected: "a date")
    }

    /// A code column the schema says NOT NULL, decoded into its enum.
    func requiredCode<T: RawRepresentable>(_ index: Int32, of subject: RegisterDamage.Subject,
                                           _ column: StaticString, expected: StaticString)
        throws(RegisterDamage) -> T where T.RawValue == String {
        try checked(code(index, as: T.self), index, of: subject, column, expected: expected)
    }

    /// A MAPPA category the schema says NOT NULL.
    func requiredCategory(_ index: Int32, of subject: RegisterDamage.Subject, _ column: StaticString)
        throws(RegisterDamage) -> MAPPACategory {
        try checked(category(index), index, of: subject, column, expected: "a category")
    }

    /// A MAPPA level the schema says NOT NULL.
    func requiredLevel(_ index: Int32, of subject: RegisterDamage.Subject, _ column: StaticString)
        throws(RegisterDamage) -> MAPPALevel {
        try checked(level(index), index, of: subject, column, expected: "a level")
    }

    /// A CRN the schema says NOT NULL.
    func requiredCRN(_ index: Int32, of subject: RegisterDamage.Subject, _ column: StaticString)
        throws(RegisterDamage) -> CRN {
        try checked(crn(index), index, of: subject, column, expected: "a CRN")
    }

    /// A CRN column: nil for NULL, damage for a value that is not one.
    func optionalCRN(_ index: Int32, of subject: RegisterDamage.Subject, _ column: StaticString)
        throws(RegisterDamage) -> CRN? {
        isNull(index) ? nil : try checked(crn(index), index, of: subject, column, expected: "a CRN")
    }

    /// A PNC ID column: nil for NULL, damage for a value that is not one.
    func optionalPNCID(_ index: Int32, of subject: RegisterDamage.Subject, _ column: StaticString)
        throws(RegisterDamage) -> PNCID? {
        isNull(index) ? nil : try checked(pncID(index), index, of: subject, column, expected: "a PNC ID")
    }

    /// The value decoded from column `index`, or the damage it is when it did not decode.
    private func checked<T>(_ value: T?, _ index: Int32, of subject: RegisterDamage.Subject, _ column: StaticString,
                            expected: StaticString) throws(RegisterDamage) -> T {
        if let value { return value }
        throw RegisterDamage(subject, column: "\(column)", in: self, at: index, expected: "\(expected)")
    }
}
