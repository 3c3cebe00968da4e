/** Words for handoff priorities, shared by the canvas summary, the handoff form and the preview. */
export const PRIORITY_LABELS = { low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent' } as const;
