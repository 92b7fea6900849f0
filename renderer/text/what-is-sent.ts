/** What this desktop sends its endpoint, in words: message texts only where policy ArchiveToEndpoint asks. */
export function whatIsSent({ endpoint, archiveToEndpoint }: { endpoint: boolean; archiveToEndpoint: boolean }): string {
  if (!endpoint) return 'Nothing leaves this computer: no endpoint is set.';
  return archiveToEndpoint
    ? 'What is sent to your organisation’s endpoint: which post you shared, on which network and when, and, as your organisation asks for its compliance archive, the text of each message you mark shared.'
    : 'What is sent to your organisation’s endpoint: which post you shared, on which network and when. Your messages’ texts are never sent.';
}
