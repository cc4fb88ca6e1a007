-- The key that signs the resident report form's CSRF tokens. One row, shared by every node, so a form served
-- by one node can be posted to another; the forms themselves keep no session and set no cookie.
CREATE TABLE report_form_key (
    id         INTEGER      PRIMARY KEY,
    secret     VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_report_form_key_one CHECK (id = 1)
);
