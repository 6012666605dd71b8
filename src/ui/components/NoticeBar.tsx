import { useWorkbench } from '../../state/store';

/** One dismissible message at the top: errors are announced assertively, info politely. */
export function NoticeBar() {
  const notice = useWorkbench((s) => s.notice);
  const showNotice = useWorkbench((s) => s.showNotice);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <div>
        <strong>{notice.title}</strong>
        <p>{notice.text}</p>
      </div>
      <button type="button" onClick={() => showNotice(null)} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}
