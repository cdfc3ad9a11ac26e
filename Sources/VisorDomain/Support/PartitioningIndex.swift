extension RandomAccessCollection {
    /// The first index whose element is in the second part of a collection
    /// split in two by `isInSecondPart` (every such element follows every
    /// other: a sorted collection and a threshold), `endIndex` if none; found
    /// by binary search. Inlinable: rules call it in their hottest loops.
    @inlinable
    public func partitioningIndex(where isInSecondPart: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var remaining = count
        while remaining > 0 {
            let half = remaining / 2
            let middle = index(low, offsetBy: half)
            if try isInSecondPart(self[middle]) {
                remaining = half
            } else {
                low = index(after: middle)
                remaining -= half + 1
            }
        }
        return low
    }
}
