// The probe library: built-in suites and probes (with citations) and the user's saved probes.
// Open loads a probe into the editor; Duplicate makes an editable copy with a new id; New starts
// from scratch. Running a suite happens straight from here.
import { draftFromProbe, duplicateDraft, emptyDraft } from '../../state/draft';
import { builtinProbes, builtinSuites, groupByFamily, lmBuiltinSuites, resolveSuite } from '../../state/library';
import { useDeleteProbe, useRunMutation, useRunning, useSavedProbes } from '../../state/queries';
import { useWorkbench } from '../../state/store';
import { httpUrlOrNull } from '../../core/httpUrl';
import type { AssociationProbe } from '../../probes/schema';
import { isJsonEditorProbe, type JsonEditorProbe } from '../../probes/lmSchema';
import { familyTitleOf } from '../families';
import { ClassLabLessons } from './ClassLabLessons';
import { duplicateLmDraft, lmBuiltinsByFamily, openLmProbe, vectorJsonBuiltinsByFamily } from '../../state/lmDraft';


interface ListedProbe {
  id: string;
  title: string;
  citation?: { text: string; url?: string } | undefined;
}

/** One library entry (association or LM probe): title, id, citation (a link only to an http(s) address), Open / Duplicate / Delete. */
function ProbeListItem({ probe, saved, active, onOpen, onDuplicate }: { probe: ListedProbe; saved?: boolean; active: boolean; onOpen: () => void; onDuplicate: () => void }) {
  const del = useDeleteProbe();
  const citationHref = httpUrlOrNull(probe.citation?.url);
  return (
    <li className={`probe-item${active ? ' active' : ''}`}>
      <div className="probe-item-title">{probe.title}</div>
      <div className="probe-item-meta">
        <code>{probe.id}</code>
        {probe.citation && (
          <cite title={probe.citation.text}>
            {citationHref ? (
              <a href={citationHref} target="_blank" rel="noreferrer">
                {shortCitation(probe.citation.text)}
              </a>
            ) : (
              shortCitation(probe.citation.text)
            )}
          </cite>
        )}
      </div>
      <div className="row">
        <button type="button" className="small" aria-label={`Open ${probe.title}`} onClick={onOpen}>
          Open
        </button>
        <button type="button" className="small" aria-label={`Duplicate and edit ${probe.title}`} onClick={onDuplicate}>
          Duplicate
        </button>
        {saved && (
          <button type="button" className="small danger" aria-label={`Delete saved probe ${probe.title}`} onClick={() => del.mutate(probe.id)}>
            Delete
          </button>
        )}
      </div>
    </li>
  );
}

function LmProbeItem({ probe, saved }: { probe: JsonEditorProbe; saved?: boolean }) {
  const offerDraft = useWorkbench((s) => s.offerDraft);
  const mode = useWorkbench((s) => s.editorMode);
  const current = useWorkbench((s) => s.lmBulk?.origin ?? s.lmDraft.origin);
  const origin = { kind: saved ? ('user' as const) : ('builtin' as const), id: probe.id };
  return (
    <ProbeListItem
      probe={probe}
      saved={saved}
      active={mode === 'lm' && current.id === probe.id && current.kind === origin.kind}
      onOpen={() => openLmProbe(probe, origin, { from: 'the library', notice: null })}
      onDuplicate={() => offerDraft({ editor: 'lm', draft: duplicateLmDraft(probe), title: `${probe.title} (copy)`, from: 'the library', notice: null })}
    />
  );
}

function ProbeItem({ probe, saved }: { probe: AssociationProbe; saved?: boolean }) {
  const offerDraft = useWorkbench((s) => s.offerDraft);
  const current = useWorkbench((s) => s.draft.origin);
  const origin = { kind: saved ? ('user' as const) : ('builtin' as const), id: probe.id };
  return (
    <ProbeListItem
      probe={probe}
      saved={saved}
      active={current.id === probe.id && current.kind === origin.kind}
      onOpen={() => offerDraft({ editor: 'association', draft: draftFromProbe(probe, origin), title: probe.title, from: 'the library', notice: null })}
      onDuplicate={() => offerDraft({ editor: 'association', draft: duplicateDraft(probe), title: `${probe.title} (copy)`, from: 'the library', notice: null })}
    />
  );
}

/** "Caliskan, A., Bryson, … (2017). …" → "Caliskan et al. 2017". */
export const shortCitation = (text: string) => {
  const author = /^([^,]+),/.exec(text)?.[1] ?? text.slice(0, 20);
  const year = /\((\d{4})\)/.exec(text)?.[1];
  const many = (text.match(/&|,\s[A-Z]\./g) ?? []).length > 1;
  return `${author}${many ? ' et al.' : ''}${year ? ` ${year}` : ''}`;
};

export function ProbeLibrary() {
  const saved = useSavedProbes();
  const offerDraft = useWorkbench((s) => s.offerDraft);
  const run = useRunMutation();
  const running = useRunning();
  return (
    <div className="library">
      <div className="panel-head">
        <h2>Probe library</h2>
        <button type="button" className="small" onClick={() => offerDraft({ editor: 'association', draft: emptyDraft(), title: 'a new empty probe', from: 'New probe', notice: null })}>
          New probe
        </button>
      </div>
      <section aria-labelledby="lib-suites">
        <h3 id="lib-suites">Suites</h3>
        <ul className="probe-list">
          {builtinSuites().map((s) => (
            <li key={s.id} className="probe-item">
              <div className="probe-item-title">{s.title}</div>
              <div className="probe-item-meta">
                <code>{s.id}</code>
              </div>
              <button
                type="button"
                className="small"
                disabled={running}
                aria-label={`Run suite ${s.title}`}
                onClick={() => {
                  const st = useWorkbench.getState();
                  run.mutate({ probeId: s.id, title: s.title, probes: resolveSuite(s.id), modelId: st.modelId, device: st.device, options: st.options });
                }}
              >
                Run suite
              </button>
            </li>
          ))}
        </ul>
      </section>
      <ClassLabLessons />
      <section aria-labelledby="lib-mine">
        <h3 id="lib-mine">My probes</h3>
        {saved.data?.length ? (
          <ul className="probe-list">
            {saved.data.map((s) => (isJsonEditorProbe(s.probe) ? <LmProbeItem key={s.id} probe={s.probe} saved /> : <ProbeItem key={s.id} probe={s.probe as AssociationProbe} saved />))}
          </ul>
        ) : (
          <p className="muted small-text">None saved yet. Duplicate a built-in or start a new probe, then “Save probe”.</p>
        )}
      </section>
      {groupByFamily(builtinProbes()).map((g) => (
        <section key={g.family} aria-labelledby={`lib-${g.family}`}>
          <h3 id={`lib-${g.family}`}>{familyTitleOf(g.family)}</h3>
          <ul className="probe-list">
            {g.probes.map((p) => (
              <ProbeItem key={p.id} probe={p} />
            ))}
          </ul>
        </section>
      ))}
      {vectorJsonBuiltinsByFamily().map((g) => (
        <section key={g.family} aria-labelledby={`lib-${g.family}`}>
          <h3 id={`lib-${g.family}`}>{familyTitleOf(g.family)}</h3>
          <ul className="probe-list">
            {g.probes.map((p) => (
              <LmProbeItem key={p.id} probe={p} />
            ))}
          </ul>
        </section>
      ))}
      <h3 className="lib-group">Language-model probes</h3>
      <ul className="probe-list">
        {lmBuiltinSuites().map((s) => (
          <li key={s.id} className="probe-item">
            <div className="probe-item-title">{s.title}</div>
            <div className="probe-item-meta">
              <code>{s.id}</code> · {s.probeIds.length} probes
            </div>
            <button
              type="button"
              className="small"
              disabled={running}
              aria-label={`Run suite ${s.title}`}
              onClick={() => {
                const st = useWorkbench.getState();
                run.mutate({ probeId: s.id, title: s.title, probes: s.probes(), modelId: st.modelId, device: st.device, options: st.options });
              }}
            >
              Run suite
            </button>
          </li>
        ))}
      </ul>
      {lmBuiltinsByFamily().map((g) => (
        <section key={g.family} aria-labelledby={`lib-${g.family}`}>
          <h4 id={`lib-${g.family}`}>{familyTitleOf(g.family)}</h4>
          <ul className="probe-list">
            {g.probes.map((p) => (
              <LmProbeItem key={p.id} probe={p} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
