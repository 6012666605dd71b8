// The current block's category labels at the top left and top right (a combined block names both of
// a side's categories, target above attribute, as Project Implicit shows them). Targets and
// attributes differ in style as well as colour, so the two read apart without colour vision.
import { Fragment } from 'react';
import type { IatBlockPlan, IatCategoryKey } from '../../probes/families/human-iat/sessionPlan';

const kindOf = (k: IatCategoryKey) => (k === 'X' || k === 'Y' ? 'iat-target' : 'iat-attribute');

export function CategoryLabels({ plan, labels }: { plan: IatBlockPlan; labels: Record<IatCategoryKey, string> }) {
  const side = (keys: readonly IatCategoryKey[], name: string, key: string) => (
    <div className={`iat-labels-${name}`}>
      <span className="iat-key">{key}</span>
      {keys.map((k, i) => (
        <Fragment key={k}>
          {i > 0 && <span className="iat-or">or</span>}
          <span className={kindOf(k)}>{labels[k]}</span>
        </Fragment>
      ))}
    </div>
  );
  return (
    <div className="iat-labels" data-testid="iat-labels">
      {side(plan.left, 'left', 'E')}
      {side(plan.right, 'right', 'I')}
    </div>
  );
}
