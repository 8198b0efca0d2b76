export interface CompactItem {
  readonly url: string;
  readonly title: string;
  readonly meta: string;
}

/** A short titled list of links: "Editors' Picks", "More on {section}". */
export function CompactList({
  id,
  title,
  items,
}: {
  id: string;
  title: string;
  items: readonly CompactItem[];
}) {
  if (items.length === 0) return null;
  return (
    <section class="compact-list" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ol>
        {items.map((item) => (
          <li key={item.url}>
            <a href={item.url}>{item.title}</a>
            {item.meta !== '' && <span class="compact-meta">{item.meta}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
