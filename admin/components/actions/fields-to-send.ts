/**
 * What the core action form POSTs. A new record: what was typed (an empty field is not
 * given). An edit (the form opened with the record's values): only what the person changed,
 * and a field they emptied as '' -- so an optional note can be cleared (core clears it) and a
 * required one is refused in words, instead of the empty field being dropped while the
 * answer says "saved". An untouched field is not sent, so core changes nothing it was not asked to.
 */
export function fieldsToSend(values: Record<string, string>, prefilled: Record<string, string> | undefined): Record<string, string> {
  const sent: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (!prefilled) {
      if (value !== '') sent[name] = value;
      continue;
    }
    const before = prefilled[name] ?? '';
    if (value !== before) sent[name] = value;
  }
  return sent;
}
