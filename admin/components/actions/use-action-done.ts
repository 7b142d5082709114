/**
 * What happens after a decision was POSTed: AdminJS's own handling (the
 * notice, a redirect the handler asked for), and otherwise, on success, the
 * record's page, where the new state shows (the action's own page would
 * offer the decision again).
 */
import { useNavigate } from 'react-router';
import { useActionResponseHandler, ViewHelpers, type RecordActionResponse } from 'adminjs';

export function useActionDone(resourceId: string, recordId: string | undefined) {
  const navigate = useNavigate();
  const handleResponse = useActionResponseHandler();
  return (response: { data: RecordActionResponse }) => {
    handleResponse(response);
    const { notice, redirectUrl } = response.data;
    if (recordId && !redirectUrl && notice?.type !== 'error')
      navigate(new ViewHelpers().recordActionUrl({ resourceId, recordId, actionName: 'show' }));
  };
}
