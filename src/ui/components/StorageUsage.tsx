// One line on the History page: how much of the browser's storage this site uses and whether the
// browser may clear it. Shown only with what the browser reports (StorageManager is optional) and
// only while history is on disk; in memory-only mode the numbers would describe nothing we keep.
import { formatBytes } from '../../state/formatBytes';
import { useStorageStatus, useStorageUsage } from '../../state/queries';

export function StorageUsage() {
  const status = useStorageStatus();
  const usage = useStorageUsage();
  const u = usage.data;
  if (status.kind === 'memory-only' || status.kind === 'opening' || !u) return null;
  const amount = u.usage !== null && u.quota !== null ? `Using ${formatBytes(u.usage)} of ${formatBytes(u.quota)}` : u.usage !== null ? `Using ${formatBytes(u.usage)}` : '';
  const kept = u.persisted === true ? 'storage is persistent' : u.persisted === false ? 'may be cleared by the browser when space is low' : '';
  if (!amount && !kept) return null;
  const text = amount && kept ? `${amount}; ${kept}.` : `${amount || kept.charAt(0).toUpperCase() + kept.slice(1)}.`;
  return <p className="muted small-text storage-usage">{text}</p>;
}
