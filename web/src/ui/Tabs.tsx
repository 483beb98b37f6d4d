export interface Tab<K extends string> {
  id: K;
  label: string;
}

/** A row of tabs; the caller keeps which one is current (in state or in the address). */
export function Tabs<K extends string>({ tabs, current, onSelect }: { tabs: readonly Tab<K>[]; current: NoInfer<K>; onSelect(id: NoInfer<K>): void }) {
  return (
    <div className="tabs" role="tablist">
      {tabs.map((tab) => (
        <button key={tab.id} type="button" role="tab" aria-selected={current === tab.id} className={`tab${current === tab.id ? ' active' : ''}`} onClick={() => onSelect(tab.id)}>
          {tab.label}
        </button>
      ))}
    </div>
  );
}
