// Placeholder until this module's issue lands; see README "Layout".
