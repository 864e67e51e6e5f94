// STUB owned by the zone-file work (issue 7): worker-thread entry that indexes zone files off the extension host.
export {};
