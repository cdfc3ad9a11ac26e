/// Whether the words typed with a date of birth name a person whole — what a
/// search must do before it may show a stub of a record the user cannot see
/// (domain.md): the whole folded surname, optionally with whole forenames.
/// A prefix is not enough: one letter and a date of birth must find nothing.
public enum WholeName {
    /// `words` are folded as `NameFolding.fold` folds them. The surname may be typed
    /// as one word or as its words in order ("van der berg"); every other word must be
    /// a whole forename.
    public static func matches(_ words: [String], surname: String, forenames: String) -> Bool {
        let folded = NameFolding.fold(surname)
        guard !folded.isEmpty, !words.isEmpty else { return false }
        let forenameWords = Set(NameFolding.keys(of: forenames))
        for start in words.indices {
            var joined = ""
            for end in start..<words.count {
                joined += words[end]
                guard folded.hasPrefix(joined) else { break }
                guard joined == folded else { continue }
                let others = words[..<start] + words[(end + 1)...]
                if others.allSatisfy(forenameWords.contains) { return true }
            }
        }
        return false
    }
}
