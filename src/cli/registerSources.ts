// Sources beyond --file register themselves here (kept apart so the file path has no API code).
export {};
