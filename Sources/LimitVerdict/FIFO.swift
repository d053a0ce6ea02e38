/// A first-in, first-out queue on an array: `removeFirst` drops the removed items once they are
/// half the array (amortised constant time, and nothing removed is held for long: a streamed
/// side's items can hold formulas of megabytes). The link's unmatched knots and saddles, and
/// each side's starts in `PieceCutter`.
struct FIFO<Element> {
    private var items: [Element] = []
    private var head = 0

    var first: Element? { head < items.count ? items[head] : nil }
    var second: Element? { head + 1 < items.count ? items[head + 1] : nil }

    mutating func append(_ item: Element) { items.append(item) }

    mutating func removeFirst() {
        head += 1
        if 2 * head >= items.count {
            items.removeFirst(head)
            head = 0
        }
    }
}
