-- A big order's schedule lines and release lines (tens of thousands of rows, written by COPY) reference their order and
-- their release. A declared foreign key checks each row on its own: a trigger per row, one lookup and one lock of the
-- parent row each, the same parent tens of thousands of times. For 48,000 release lines that was about 0.6 s of the
-- order's 2 s budget. The same rule is now checked once per statement, on all the rows the statement wrote: the
-- parents are locked (key share, as a foreign key locks them) and a row without one refuses the statement with a
-- foreign key violation (SQLSTATE 23503), as before. Deleting a parent still deletes its lines, and a parent's key,
-- or a line's reference, cannot be changed while lines hang on it.

alter table release_line drop constraint release_line_partner_id_release_id_fkey;
alter table schedule_line drop constraint schedule_line_order_id_fkey;

create function release_line_has_release() returns trigger language plpgsql as $$
declare
    missing text;
begin
    perform 1 from order_release r where (r.partner_id, r.release_id) in (select distinct partner_id, release_id from written)
        for key share;
    select n.partner_id || ' ' || n.release_id into missing
      from (select distinct partner_id, release_id from written) n
     where not exists (select 1 from order_release r where r.partner_id = n.partner_id and r.release_id = n.release_id)
     limit 1;
    if missing is not null then
        raise foreign_key_violation using message = 'release_line references release ' || missing
            || ', which is not in order_release';
    end if;
    return null;
end $$;

create trigger release_line_release_inserted after insert on release_line
    referencing new table as written for each statement execute function release_line_has_release();

create function schedule_line_has_order() returns trigger language plpgsql as $$
declare
    missing bigint;
begin
    perform 1 from purchase_order o where o.id in (select distinct order_id from written) for key share;
    select n.order_id into missing
      from (select distinct order_id from written) n
     where not exists (select 1 from purchase_order o where o.id = n.order_id)
     limit 1;
    if missing is not null then
        raise foreign_key_violation using message = 'schedule_line references order ' || missing
            || ', which is not in purchase_order';
    end if;
    return null;
end $$;

create trigger schedule_line_order_inserted after insert on schedule_line
    referencing new table as written for each statement execute function schedule_line_has_order();

-- what the foreign keys' cascade did: a parent deleted takes its lines with it
create function release_lines_of_deleted_releases() returns trigger language plpgsql as $$
begin
    delete from release_line l using deleted d where l.partner_id = d.partner_id and l.release_id = d.release_id;
    return null;
end $$;
create trigger order_release_lines_deleted after delete on order_release
    referencing old table as deleted for each statement execute function release_lines_of_deleted_releases();

create function schedule_lines_of_deleted_orders() returns trigger language plpgsql as $$
begin
    delete from schedule_line l using deleted d where l.order_id = d.id;
    return null;
end $$;
create trigger purchase_order_schedule_lines_deleted after delete on purchase_order
    referencing old table as deleted for each statement execute function schedule_lines_of_deleted_orders();

-- and what they refused: a key moved away from the lines that hang on it, or a line moved to another parent. The hub
-- never changes either, so any change of them is refused.
create function reference_unchangeable() returns trigger language plpgsql as $$
begin
    raise foreign_key_violation using message = TG_TABLE_NAME || ': ' || TG_ARGV[0] || ' cannot be changed';
end $$;
create trigger release_line_reference_fixed before update of partner_id, release_id on release_line for each row
    when (old.partner_id is distinct from new.partner_id or old.release_id is distinct from new.release_id)
    execute function reference_unchangeable('the release a line belongs to');
create trigger order_release_key_fixed before update of partner_id, release_id on order_release for each row
    when (old.partner_id is distinct from new.partner_id or old.release_id is distinct from new.release_id)
    execute function reference_unchangeable('a release id');
create trigger schedule_line_reference_fixed before update of order_id on schedule_line for each row
    when (old.order_id is distinct from new.order_id)
    execute function reference_unchangeable('the order a schedule line belongs to');
create trigger purchase_order_key_fixed before update of id on purchase_order for each row
    when (old.id is distinct from new.id)
    execute function reference_unchangeable('an order id');
