// A <progress> whose indeterminate state (no value yet: unknown size, ORT starting, a run being
// set up) is drawn as a static striped track. Chrome animates the native indeterminate bar by
// repainting the page's main thread ~16 times a second; a Chrome trace of the cold first run
// showed those frames as a sizeable share of the main thread's work while the model loaded, on a
// machine where the page, the model worker and ORT's compiler share two cores. With a value the
// native bar is kept.
import './ProgressBar.css';

export function ProgressBar({ label, max, value, className }: { label: string; max: number; value: number | undefined; className?: string }) {
  const indeterminate = value === undefined;
  const cls = [className, indeterminate ? 'progress-indeterminate' : undefined].filter(Boolean).join(' ') || undefined;
  return <progress className={cls} aria-label={label} max={max} value={value} />;
}
