// The server's tables, the same in SQLite and PostgreSQL. Times are milliseconds since the epoch (bigint in
// PostgreSQL, read back as numbers); booleans are 0/1 integers so one query text serves both dialects.

export interface DevicesTable {
  id: string;
  /**
   * The device's HMAC key, base64url. It is stored as is, not hashed: verifying an HMAC needs the key itself, and
   * a hash of it would be just as good a key to anyone who could read it. It is 32 random bytes made here, used
   * nowhere else and worthless outside this service; erasing the device erases it. Protect the database (and its
   * backups) as you would any credential store; encrypting this column with a key held outside the database is
   * a later hardening step that changes no API.
   */
  secret: string;
  alias: string;
  /** 1: shown on the public leaderboard; 0: opted out (still counted, anonymously, in percentiles). */
  public: number;
  created_at: number;
}

export interface ScoresTable {
  device_id: string;
  client_session_id: string;
  role: string;
  difficulty: string;
  overall_score: number;
  content_quality: number;
  clarity: number;
  confidence: number;
  technical_accuracy: number;
  question_count: number;
  duration_sec: number | null;
  completed_at: number;
  received_at: number;
}

/** Signatures seen within the skew window, shared by every replica so a replay is caught wherever it lands. */
export interface SeenSignaturesTable {
  signature: string;
  expires_at: number;
}

export interface ServerDb {
  devices: DevicesTable;
  scores: ScoresTable;
  seen_signatures: SeenSignaturesTable;
}
