/// Counts as every screen and message writes them: digits grouped by
/// thousands with commas (`90,012`), so a number reads the same everywhere.
public enum NumberText {
    public static func grouped(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var text = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
