// Two rows of a word-vector card's details list: each set's size after the table's lookup, and the
// words it dropped as out of vocabulary. Shared by the families that look words up themselves
// (RIPA, the representation probe), so the two cards say this the same way.
interface Props<K extends string> {
  keys: readonly K[];
  labels: Record<K, string>;
  sizes: Record<K, number>;
  oov: Record<K, readonly string[]>;
}

export function VocabularyRows<K extends string>({ keys, labels, sizes, oov }: Props<K>) {
  const dropped = keys.filter((k) => oov[k].length > 0);
  return (
    <>
      <div>
        <dt>Sizes after OOV</dt>
        <dd>
          {keys.map((k) => (
            <span key={k} className="size">
              {labels[k]} ({k}): {sizes[k]}
            </span>
          ))}
        </dd>
      </div>
      <div>
        <dt>Out of vocabulary</dt>
        <dd>
          {dropped.length > 0
            ? dropped.map((k) => (
                <span key={k} className="oov-line">
                  {k}: {oov[k].join(', ')}
                </span>
              ))
            : 'none'}
        </dd>
      </div>
    </>
  );
}
