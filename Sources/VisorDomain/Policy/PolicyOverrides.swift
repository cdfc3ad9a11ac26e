

/// Applies a policy file's settings over the compiled-in defaults, refusing
/// anything it does not know or cannot accept, with a message naming the
/// file, the key, the value and what is allowed.
public enum PolicyOverrides {
    /// The policy `document` (the file's top-level table, as `PolicyValue`s)
    /// describes: `base` with each setting replaced. `source` names the file in messages.
    public static func apply(_ document: [String: PolicyValue], to base: Policy = .standard,
                             source: String) throws(PolicyFileError) -> Policy {
        var policy = base
        let sections = Set(PolicyKey.all.map(\.section))
        for (sectionName, sectionValue) in document.sorted(by: { $0.key < $1.key }) {
            guard sections.contains(sectionName) else {
                throw PolicyFileError("\(source): \(sectionName): unknown setting; known settings are "
                    + PolicyKey.all.map(\.path).joined(separator: ", "))
            }
            guard case .table(let settings) = sectionValue else {
                throw PolicyFileError("\(source): \(sectionName): \(sectionValue.written) is \(sectionValue.kind); "
                    + "expected a table [\(sectionName)] of settings")
            }
            let keys = PolicyKey.all.filter { $0.section == sectionName }
            for (name, value) in settings.sorted(by: { $0.key < $1.key }) {
                guard let key = keys.first(where: { $0.name == name }) else {
                    throw PolicyFileError("\(source): \(sectionName).\(name): unknown setting; known settings in "
                        + "[\(sectionName)] are " + keys.map(\.name).joined(separator: ", "))
                }
                guard key.apply(value, &policy) else {
                    throw PolicyFileError("\(source): \(key.path): \(value.written) is not allowed; expected "
                        + key.allowed)
                }
            }
        }
        return policy
    }

    /// Every setting with its value in `policy`, in the example's order.
    public static func describe(_ policy: Policy) -> [(key: PolicyKey, value: String)] {
        PolicyKey.all.map { ($0, $0.value(in: policy)) }
    }

    /// A commented policy file holding every setting at its value in `policy`.
    public static func example(_ policy: Policy = .standard) -> String {
        var lines: [String] = []
        var section = ""
        for key in PolicyKey.all {
            if key.section != section {
                if !section.isEmpty { lines.append("") }
                section = key.section
                lines.append("[\(section)]")
            }
            lines.append("# \(key.summary) (\(key.allowed))")
            lines.append("\(key.name) = \(key.value(in: policy))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
