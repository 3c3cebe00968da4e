import type { FlowVersion } from '@flowdesk/contract';
import { useState } from 'react';
import { api } from '../../api/api';
import { flowsApi } from '../../api/flows';
import { formatDateTime } from '../../ui/format';
import { Modal } from '../../ui/Modal';
import { ErrorState, Spinner } from '../../ui/states';
import { useAsync } from '../../ui/use-async';

export function VersionsDialog({
  flowId,
  onView,
  onRollback,
  onClose,
}: {
  flowId: string;
  onView: (version: FlowVersion) => void;
  onRollback: (version: FlowVersion) => Promise<void>;
  onClose: () => void;
}) {
  const data = useAsync(() => flowsApi.versions(api, flowId), [flowId]);
  const [confirm, setConfirm] = useState<number | null>(null);
  return (
    <Modal title="Version history" onClose={onClose}>
      {data.status === 'loading' ? <Spinner /> : null}
      {data.status === 'error' ? <ErrorState error={data.error} onRetry={data.reload} /> : null}
      {data.status === 'ready' && data.value.versions.length === 0 ? (
        <p className="hint">Nothing published yet. Publish to create version 1.</p>
      ) : null}
      {data.status === 'ready' && data.value.versions.length > 0 ? (
        <ul className="versions">
          {data.value.versions.map((version, index) => (
            <li key={version.id} className="version">
              <div className="grow">
                <strong>Version {version.number}</strong>{' '}
                {index === 0 ? <span className="badge badge-success">live</span> : null}
                <div className="hint">
                  {formatDateTime(version.createdAt)} · {version.publishedByName ?? version.publishedBy ?? 'unknown'}
                </div>
                {version.note ? <div>{version.note}</div> : null}
              </div>
              {confirm === version.number ? (
                <div className="row">
                  <span className="hint">Make it live again and the draft?</span>
                  <button
                    type="button"
                    className="btn btn-sm btn-primary"
                    onClick={() => onRollback(version).then(onClose, () => setConfirm(null))}
                  >
                    Yes, roll back
                  </button>
                  <button type="button" className="btn btn-sm" onClick={() => setConfirm(null)}>
                    No
                  </button>
                </div>
              ) : (
                <div className="row">
                  <button type="button" className="btn btn-sm" onClick={() => onView(version)}>
                    View
                  </button>
                  <button type="button" className="btn btn-sm" onClick={() => setConfirm(version.number)}>
                    Roll back
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </Modal>
  );
}
