-- The purposes (use scenarios) a client's calls may name in X-Purpose, matched by the data service
-- gateway: an application states them, the reviewer approves all or strikes some, the grant keeps
-- the approved ones (and narrowing may strike more).
--
-- Applications and grants made before this kept one purpose text; it becomes their only purpose.

alter table sharing_application add column purposes text[];
update sharing_application set purposes = array[purpose];
alter table sharing_application alter column purposes set not null;

alter table sharing_grant add column purposes text[];
update sharing_grant g set purposes = array[a.purpose]
from sharing_application a where a.id = g.application_id;
alter table sharing_grant alter column purposes set not null;
