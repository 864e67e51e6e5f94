// Record sets on both sides of the API: what a batch-create sends and what the record-set list returns.

/** One record set in the batch-create API's form; exactly these five fields are sent. */
export interface RetryRecordSet {
  /** The public zone, absolute with trailing dot. */
  zone_name: string;
  /** The owner, absolute with trailing dot. */
  name: string;
  /** Upper case. */
  type: string;
  ttl: number;
  /** The values in the API's presentation form (see apiRecordValue). */
  records: string[];
}

/** One record set as the live zone holds it (GET /v2.1/zones/{id}/recordsets). */
export interface LiveRecordSet {
  id: string;
  name: string;
  type: string;
  ttl: number;
  records: string[];
  /** Open set: ACTIVE, ERROR, DISABLE, FREEZE, PENDING_CREATE, PENDING_UPDATE, PENDING_DELETE, … */
  status: string;
  /** True for the system's own sets (the SOA and the apex NS). */
  default?: boolean;
}
