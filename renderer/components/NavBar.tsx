import { SECTION_LABELS, type Section } from '../navigation.ts';

const SECTIONS = Object.keys(SECTION_LABELS) as Section[];

export function NavBar({
  current,
  unread,
  onNavigate,
}: {
  current: Section;
  unread: number;
  onNavigate: (section: Section) => void;
}) {
  return (
    <nav className="nav" aria-label="Sections">
      {SECTIONS.map((section) => (
        <button
          key={section}
          type="button"
          className="nav__item"
          aria-current={section === current ? 'page' : undefined}
          onClick={() => {
            onNavigate(section);
          }}
        >
          {SECTION_LABELS[section]}
          {section === 'posts' && unread > 0 && (
            <span className="nav__badge">
              {unread}
              <span className="sr-only"> unread</span>
            </span>
          )}
        </button>
      ))}
    </nav>
  );
}
