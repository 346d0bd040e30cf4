-- The table of VeeamEmJdbcStateRepository, as the component page ("State repositories") shows it
-- (SnippetsInDocsTest). JdbcTableSnippetTest creates it in H2 and uses it with createTable=false.
-- tag::state-table[]
CREATE TABLE VEEAM_EM_STATE (
    STATE_KEY VARCHAR(512) NOT NULL PRIMARY KEY,
    STATE_VALUE VARCHAR(16000) NOT NULL,
    UPDATED_AT TIMESTAMP NOT NULL)
-- end::state-table[]
