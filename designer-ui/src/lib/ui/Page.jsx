/** A screen: a heading (focused on arrival for screen readers and keyboards), optional actions, then content. */
export function Page({ title, actions, children, wide = false }) {
  return (
    <section className={wide ? 'page page-wide' : 'page'} aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

/** A labelled section inside a page. */
export function Panel({ title, children, actions }) {
  return (
    <section className="panel">
      {(title || actions) && (
        <header className="panel-header">
          {title && <h2>{title}</h2>}
          {actions && <div className="panel-actions">{actions}</div>}
        </header>
      )}
      {children}
    </section>
  );
}

export function Loading({ label = 'Loading…' }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}

export function Empty({ children }) {
  return <p className="empty">{children}</p>;
}

/** A small coloured label: `tone` is one of ok, warn, bad, info, muted. */
export function Badge({ tone = 'muted', children, title }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}
