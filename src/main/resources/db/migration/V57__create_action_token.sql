-- Confirmation tokens already submitted (io.subwatch.web.ActionTokenDao): the first submit of a token claims it here,
-- where every app node sees it at once, so a double submit acts once even when its two requests are in flight
-- together or reach different nodes. Claims older than a day are purged.
CREATE TABLE action_token (
    token      VARCHAR(64) NOT NULL,
    claimed_at DATETIME(3) NOT NULL,
    PRIMARY KEY (token)
);
CREATE INDEX ix_action_token_claimed ON action_token (claimed_at);
