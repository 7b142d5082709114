/**
 * POSTs a record action the way AdminJS's own forms do (multipart, same
 * origin), so the server's state change never happens on a GET.
 */
import { ApiClient, type RecordActionResponse } from 'adminjs';

export async function postRecordAction(params: {
  resourceId: string;
  recordId: string;
  actionName: string;
  fields: Record<string, string>;
}): Promise<{ data: RecordActionResponse }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(params.fields)) form.set(name, value);
  const api = new ApiClient();
  return api.recordAction({
    resourceId: params.resourceId,
    recordId: params.recordId,
    actionName: params.actionName,
    method: 'post',
    data: form,
  });
}
