-- The commune police officer who keeps the commune's persons registers (drug users, mediations,
-- re-education) and its incidents: reads and records security and order, reads the sensitive
-- registers (every read audited; a second factor where the instance asks for one), reads the
-- movement and the evaluation of the commune, but does not run the movement's registers.
INSERT INTO role (code, name_vi, name_en) VALUES
    ('COMMUNE_POLICE', 'Công an xã (quản lý người nghiện, hòa giải, giáo dục tại cộng đồng)',
     'Commune police officer (drug users, mediation, community re-education)');

INSERT INTO role_permission (role_code, permission)
SELECT 'COMMUNE_POLICE', p FROM unnest(ARRAY['UNITS_READ', 'MOVEMENT_READ', 'ORDER_READ', 'ORDER_WRITE',
    'EVALUATION_READ', 'REPORTS_READ', 'SENSITIVE_READ']) AS p;
